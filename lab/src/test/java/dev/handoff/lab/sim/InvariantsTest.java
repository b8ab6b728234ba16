package dev.handoff.lab.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvariantsTest {

    @Test
    void aPartitionOwnedByTwoMembersAfterAnEventStopsTheRun() {
        // Given
        Invariants invariants = new Invariants(2, new EventScheduler());
        invariants.acquired("c000.0", 1);
        invariants.acquired("c001.0", 1);

        // When / Then
        assertThatThrownBy(invariants::afterEvent).hasMessageContaining("partition 1 is owned by [c000.0, c001.0]");
    }

    @Test
    void aHandoverWithinOneEventIsFine() {
        // Given
        Invariants invariants = new Invariants(2, new EventScheduler());
        invariants.acquired("c000.0", 0);
        invariants.afterEvent();
        invariants.released("c000.0", 0);
        invariants.acquired("c001.0", 0);

        // When / Then
        assertThatCode(invariants::afterEvent).doesNotThrowAnyException();
    }

    @Test
    void readingPastTheLogEndStopsTheRun() {
        // Given
        Invariants invariants = new Invariants(1, new EventScheduler());

        // When / Then
        assertThatThrownBy(() -> invariants.positionWithinLog("c000.0", 0, 11, 10))
            .hasMessageContaining("past its log end 10");
    }
}
