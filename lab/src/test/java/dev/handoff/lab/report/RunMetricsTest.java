package dev.handoff.lab.report;

import java.util.List;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.RecordTally;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunMetricsTest {

    /** Two consumers, two partitions; the plan's first step is at 10 s and it ends at 19 s. */
    static final Scenario SCENARIO = new Scenario(2, 2, 100, 1.0, 1_000, 2_000, 0, 1, false, 10_000, 5_000, 1L);

    static TimelineEvent event(long atMs, String member, EventKind kind, List<Integer> partitions, long value) {
        return new TimelineEvent(atMs, member, Integer.parseInt(member.substring(1, 4)), kind, partitions,
            kind == EventKind.PROCESSED ? 10 : 0, value);
    }

    /** An eager-looking rollout of the first slot: both consumers revoke, the survivor takes everything. */
    static Timeline eagerTimeline() {
        List<TimelineEvent> events = List.of(
            event(0, "c000.0", EventKind.STARTED, List.of(), 0),
            event(0, "c001.0", EventKind.STARTED, List.of(), 0),
            event(3_000, "c000.0", EventKind.ASSIGNED, List.of(0), 1),
            event(3_000, "c001.0", EventKind.ASSIGNED, List.of(1), 1),
            event(9_000, "c000.0", EventKind.PROCESSED, List.of(0), 5),
            event(9_500, "c001.0", EventKind.PROCESSED, List.of(1), 5),
            event(10_000, "c000.0", EventKind.REVOKED, List.of(0), 1),
            event(10_000, "c000.0", EventKind.STOPPED, List.of(), 0),
            event(12_000, "c001.0", EventKind.REVOKED, List.of(1), 1),
            event(14_000, "c001.0", EventKind.ASSIGNED, List.of(0, 1), 2),
            event(15_000, "c001.0", EventKind.PROCESSED, List.of(0, 1), 7),
            event(19_000, "c001.0", EventKind.PROCESSED, List.of(0, 1), 7));
        Histogram latency = new Histogram(3_600_000L, 3);
        latency.recordValue(5);
        latency.recordValue(7);
        return new Timeline(Protocol.CLASSIC_EAGER, "test", SCENARIO, RolloutPlan.of(SCENARIO), events, latency,
            new RecordTally.Counts(40, 40, 0, 0));
    }

    @Test
    void computesTheFiguresFromTheTimelineAlone() {
        // Given
        Timeline timeline = eagerTimeline();

        // When
        RunMetrics metrics = RunMetrics.of(timeline);

        // Then
        assertThat(metrics.rolloutMs()).as("from the first step to the last assignment change").isEqualTo(4_000);
        assertThat(metrics.stallMs()).as("nothing processed from 10 s to 15 s").isEqualTo(5_000);
        assertThat(metrics.unavailablePartitionMs()).as("partition 0 for 4 s, partition 1 for 2 s")
            .isEqualTo(6_000);
        assertThat(metrics.pausedTotalMs()).as("c001 held nothing from 12 s to 14 s").isEqualTo(2_000);
        assertThat(metrics.pausedMaxMs()).isEqualTo(2_000);
        assertThat(metrics.rebalances()).as("generation 2 after the first step").isEqualTo(1);
        assertThat(metrics.disturbedMaxPerChange()).as("c001 revoked; the stopping c000 does not count")
            .isEqualTo(1);
        assertThat(metrics.latencyMaxMs()).isEqualTo(7);
        assertThat(metrics.missing()).isZero();
    }

    @Test
    void aConsumerPausedOnlyAfterTheEndIsNotPaused() {
        // Given a revocation during the drain after the plan's end (19 s)
        List<TimelineEvent> events = List.of(
            event(3_000, "c000.0", EventKind.ASSIGNED, List.of(0), 1),
            event(25_000, "c000.0", EventKind.REVOKED, List.of(0), 1));
        Timeline timeline = new Timeline(Protocol.CONSUMER, "test", SCENARIO, RolloutPlan.of(SCENARIO), events,
            new Histogram(3), new RecordTally.Counts(0, 0, 0, 0));

        // When
        RunMetrics metrics = RunMetrics.of(timeline);

        // Then
        assertThat(metrics.pausedTotalMs()).isZero();
    }

    @Test
    void aPartitionNobodyEverOwnedIsUnavailableThroughout() {
        // Given
        Scenario scenario = new Scenario(1, 3, 100, 1.0, 1_000, 2_000, 0, 1, false, 10_000, 5_000, 1L);
        Timeline timeline = new Timeline(Protocol.CONSUMER, "test", scenario, RolloutPlan.of(scenario),
            List.of(event(0, "c000.0", EventKind.ASSIGNED, List.of(0, 1), 1)), new Histogram(3),
            new RecordTally.Counts(0, 0, 0, 0));

        // When
        RunMetrics metrics = RunMetrics.of(timeline);

        // Then
        assertThat(metrics.unavailablePartitionMs()).isEqualTo(RolloutPlan.of(scenario).endMs() - 10_000);
    }
}
