package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.timeline.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongestHandoffsTest {

    private static final RolloutPlan PLAN = new RolloutPlan(List.of(
            new RolloutAction(0, RolloutAction.Kind.START, "c000.0", 0),
            new RolloutAction(0, RolloutAction.Kind.START, "c001.0", 1),
            new RolloutAction(15_000, RolloutAction.Kind.STOP, "c000.0", 0),
            new RolloutAction(18_000, RolloutAction.Kind.START, "c000.1", 0),
            new RolloutAction(23_000, RolloutAction.Kind.STOP, "c001.0", 1),
            new RolloutAction(26_000, RolloutAction.Kind.START, "c001.1", 1)), 41_000, 26_000);

    @Test
    void placesEachLongHandoffAfterTheRolloutActionItFollowed() {
        // Given
        Handoffs handoffs = new Handoffs(List.of(
                new Handoffs.Handoff(3, 15_000, 15_400, EventKind.STOPPED, "c000.0", "c001.0"),
                new Handoffs.Handoff(4, 19_250, 21_868, EventKind.REVOKED, "c001.0", "c000.1"),
                new Handoffs.Handoff(5, 30_000, 41_000, EventKind.REVOKED, "c001.1", "")), 1);

        // When
        List<String> lines = LongestHandoffs.describe(handoffs, PLAN, 2);

        // Then
        assertThat(lines).containsExactly(
                "p5 11,000 ms: revoked by c001.1 at 30,000 ms (step 2 start c001.1 +4,000 ms) -> nobody by the end",
                "p4 2,618 ms: revoked by c001.0 at 19,250 ms (step 1 start c000.1 +1,250 ms) -> c000.1");
    }
}
