package dev.handoff.lab.scenario;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutPlanTest {

    private static Scenario scenario(int consumers, int maxSurge, int maxUnavailable) {
        return new Scenario(consumers, 2 * consumers, 100, 1.0, 1_000, 2_000, maxSurge, maxUnavailable, false,
            10_000, 5_000, 1L);
    }

    @Test
    void rollsOneConsumerAtATimeStoppingBeforeItsReplacementStarts() {
        // Given
        Scenario scenario = scenario(2, 0, 1);

        // When
        RolloutPlan plan = RolloutPlan.of(scenario);

        // Then
        assertThat(plan.actions()).containsExactly(
            new RolloutAction(0, RolloutAction.Kind.START, "c000.0", 0),
            new RolloutAction(0, RolloutAction.Kind.START, "c001.0", 1),
            new RolloutAction(10_000, RolloutAction.Kind.STOP, "c000.0", 0),
            new RolloutAction(11_000, RolloutAction.Kind.START, "c000.1", 0),
            new RolloutAction(13_000, RolloutAction.Kind.STOP, "c001.0", 1),
            new RolloutAction(14_000, RolloutAction.Kind.START, "c001.1", 1));
        assertThat(plan.lastChangeMs()).isEqualTo(14_000);
        assertThat(plan.endMs()).isEqualTo(19_000);
    }

    @Test
    void surgeStartsReplacementsBeforeTheirPredecessorsStop() {
        // Given
        Scenario scenario = scenario(2, 1, 0);

        // When
        RolloutPlan plan = RolloutPlan.of(scenario);

        // Then
        List<RolloutAction> firstStep = plan.actions().stream().filter(a -> a.slot() == 0 && a.atMs() > 0).toList();
        assertThat(firstStep).containsExactlyInAnyOrder(
            new RolloutAction(11_000, RolloutAction.Kind.STOP, "c000.0", 0),
            new RolloutAction(11_000, RolloutAction.Kind.START, "c000.1", 0));
    }

    @Test
    void replacesABatchOfSlotsPerStep() {
        // Given
        Scenario scenario = scenario(4, 0, 2);

        // When
        RolloutPlan plan = RolloutPlan.of(scenario);

        // Then
        assertThat(plan.actions()).filteredOn(a -> a.kind() == RolloutAction.Kind.STOP)
            .extracting(RolloutAction::atMs).containsExactly(10_000L, 10_000L, 13_000L, 13_000L);
        assertThat(plan.membershipChanges()).isEqualTo(8);
    }

    @Test
    void rejectsARolloutThatCannotMakeProgress() {
        assertThatThrownBy(() -> scenario(2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesProtocolNamesAsOnTheCommandLine() {
        assertThat(Protocol.fromCliName(" Classic-Cooperative ")).isEqualTo(Protocol.CLASSIC_COOPERATIVE);
        assertThatThrownBy(() -> Protocol.fromCliName("eager")).hasMessageContaining("classic-eager");
    }
}
