package dev.handoff.bench.handoff;

import dev.handoff.lab.report.RunMetrics;
import dev.handoff.lab.timeline.Timeline;

/**
 * The figures of one lab rolling restart.
 *
 * @param handoffs               every handoff from the first rollout step on
 * @param unavailablePartitionMs the lab's sum over partitions of the time without an owner, from the first step on
 * @param rolloutMs              the lab's rollout time: first step to the last assignment change
 * @param missing                records produced and never processed (the lab's accounting; should be 0)
 */
record RollingFigures(Handoffs handoffs, long unavailablePartitionMs, long rolloutMs, long missing) {

    static RollingFigures of(Timeline timeline) {
        RunMetrics metrics = RunMetrics.of(timeline);
        Handoffs handoffs = Handoffs.of(timeline.events(), timeline.scenario().warmupMs(), timeline.plan().endMs());
        return new RollingFigures(handoffs, metrics.unavailablePartitionMs(), metrics.rolloutMs(), metrics.missing());
    }
}
