package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.migrate.groups.GroupOffsetsView;
import dev.handoff.migrate.groups.PartitionOffsetView;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrainStatusTest {

    @Test
    void drainedWhenLagStaysZeroAndEndOffsetsStandStill() {
        // Given
        DrainStatus before = status(100, 100L);

        // When
        boolean drained = status(100, 100L).drainedSince(before);

        // Then
        assertThat(drained).isTrue();
    }

    @Test
    void notDrainedWhileProducersStillWrite() {
        // Given
        DrainStatus before = status(100, 100L);

        // When
        boolean drained = status(120, 120L).drainedSince(before);

        // Then
        assertThat(drained).isFalse();
    }

    @Test
    void partitionWithDataButNoCommitIsStillToBeConsumed() {
        // When
        DrainStatus status = status(40, null);

        // Then
        assertThat(status.remaining()).isEqualTo(40);
        assertThat(status.drainedSince(status)).isFalse();
    }

    @Test
    void groupWithoutAnyPartitionIsNeverDrained() {
        // Given
        DrainStatus unknownGroup = DrainStatus.of(GroupOffsetsView.of("typo", List.of()));

        // When
        boolean drained = unknownGroup.drainedSince(unknownGroup);

        // Then
        assertThat(drained).isFalse();
    }

    @Test
    void firstLookIsNeverDrained() {
        // When
        boolean drained = status(10, 10L).drainedSince(null);

        // Then
        assertThat(drained).isFalse();
    }

    private static DrainStatus status(long end, Long committed) {
        Long lag = committed == null ? null : end - committed;
        return DrainStatus.of(GroupOffsetsView.of("g",
                List.of(new PartitionOffsetView("orders", 0, committed, end, lag, null))));
    }
}
