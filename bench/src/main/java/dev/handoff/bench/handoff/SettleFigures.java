package dev.handoff.bench.handoff;

import java.util.List;

/**
 * @param joinMs  per repetition, from creating the joining consumer to the last ownership change that settled the
 *                group
 * @param leaveMs per repetition, from telling the consumer to close to the last ownership change that settled the
 *                group
 */
record SettleFigures(List<Long> joinMs, List<Long> leaveMs) {

    SettleFigures {
        joinMs = List.copyOf(joinMs);
        leaveMs = List.copyOf(leaveMs);
    }

    long medianJoinMs() {
        return Percentiles.nearestRank(joinMs, 50);
    }

    long medianLeaveMs() {
        return Percentiles.nearestRank(leaveMs, 50);
    }

    /** How many joins (and leaves) were measured. */
    int repetitions() {
        return joinMs.size();
    }
}
