package dev.handoff.lab.sim;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.handoff.lab.RolloutFacts;
import dev.handoff.lab.report.HtmlReport;
import dev.handoff.lab.report.RawData;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationTest {

    /** The small case: 6 consumers, 12 partitions, short delays. */
    static Scenario small(long seed, boolean kill) {
        return new Scenario(6, 12, 200, 2.0, 1_000, 4_000, 0, 1, kill, 15_000, 10_000, seed);
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void sameSeedGivesTheSameRunAndTheSameReport(Protocol protocol) {
        // Given
        Scenario scenario = small(42, false);

        // When
        Timeline first = Simulation.run(scenario, protocol);
        Timeline second = Simulation.run(scenario, protocol);

        // Then
        assertThat(second.events()).isEqualTo(first.events());
        assertThat(RawData.eventsCsv(second)).isEqualTo(RawData.eventsCsv(first));
        assertThat(HtmlReport.render("t", List.of(second)))
            .isEqualTo(HtmlReport.render("t", List.of(first)));
    }

    @Test
    void theConsumerProtocolNeverStopsTheWholeGroupAndOnlyMovesPartitions() {
        // Given
        Scenario scenario = small(1, false);

        // When
        Timeline timeline = Simulation.run(scenario, Protocol.CONSUMER);

        // Then
        assertThat(RolloutFacts.momentsWithNoPartitionOwned(timeline)).isEmpty();
        assertThat(RolloutFacts.revocationsOfPartitionsThatDidNotMove(timeline)).isEmpty();
        assertThat(timeline.counts().missing()).isZero();
    }

    @Test
    void classicEagerRevokesEveryConsumerAtEveryStep() {
        // Given
        Scenario scenario = small(1, false);

        // When
        Timeline timeline = Simulation.run(scenario, Protocol.CLASSIC_EAGER);

        // Then
        Map<Long, Set<String>> revoked = RolloutFacts.revokedPerStep(timeline);
        long stepLength = scenario.podStartDelayMs() + scenario.stepWaitMs();
        revoked.forEach((step, members) -> {
            Set<String> survivors = new TreeSet<>(RolloutFacts.aliveThroughout(timeline, step - 1, step + stepLength));
            assertThat(members).as("revoked in the step at %d ms", step).containsAll(survivors);
        });
        assertThat(RolloutFacts.revocationsOfPartitionsThatDidNotMove(timeline)).isNotEmpty();
        assertThat(timeline.counts().missing()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void crashedConsumersAreReplacedAfterTheirSessionExpiresWithoutLosingRecords(Protocol protocol) {
        // Given a cooldown long enough for two session timeouts (a crashed classic leader costs a second one)
        Scenario scenario = new Scenario(3, 6, 100, 2.0, 1_000, 4_000, 0, 1, true, 15_000, 120_000, 3);

        // When
        Timeline timeline = Simulation.run(scenario, protocol);

        // Then
        assertThat(timeline.events()).filteredOn(e -> e.kind() == EventKind.KILLED).hasSize(3);
        assertThat(timeline.counts().missing()).isZero();
        assertThat(timeline.counts().produced()).isPositive();
    }

    /** Invariants are checked after every event of the run; a violation throws. */
    @Property(tries = 12)
    void everyRunKeepsTheModelsInvariantsAndLosesNoRecord(@ForAll @IntRange(min = 0, max = 1_000) int seed,
                                                          @ForAll Protocol protocol, @ForAll boolean kill) {
        // Given
        Scenario scenario = new Scenario(4, 6, 150, 1.5, 500 + seed, 3_000, seed % 2, 1 - seed % 2 + seed % 3 / 2,
            kill, 15_000, 120_000, seed);

        // When
        Timeline timeline = Simulation.run(scenario, protocol);

        // Then
        assertThat(timeline.counts().missing()).isZero();
        assertThat(timeline.counts().processed()).isGreaterThanOrEqualTo(timeline.counts().produced());
    }
}
