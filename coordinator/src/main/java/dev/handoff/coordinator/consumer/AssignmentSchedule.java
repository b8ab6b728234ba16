package dev.handoff.coordinator.consumer;

import dev.handoff.coordinator.GroupCoordinatorConfig;

/**
 * When a consumer group whose epoch is ahead of its target assignment gets a new target
 * ({@code group.consumer.assignment.interval.ms}, KIP-1263; DECISIONS.md item 4).
 *
 * <p>Kafka 4.3+ recomputes at most once per interval, whatever changed. Handoff batches only what benefits from it:
 * while many members join one after the other, every recompute takes partitions from the members that hold them, and
 * a member told to revoke again and again keeps everyone else waiting for its releases. A recompute runs at once
 * <ul>
 *   <li>when the interval is 0, or no target was computed since the group was created or emptied;</li>
 *   <li>when a subscribed partition has no owner in the target: a member left or was fenced, partitions or subscribed
 *       topics were created or deleted, a subscription gained a topic. Waiting would only leave partitions idle;</li>
 *   <li>when the last target is at least one interval old: a change that comes alone is not delayed.</li>
 * </ul>
 * Otherwise (joins and subscription changes in quick succession) it runs at the first heartbeat one interval after the
 * last target, so a burst of joins costs one recompute instead of one per joiner.
 *
 * <p>"No owner" compares counts, the partitions in the target against the partitions of the subscribed topics, so
 * it costs O(1) per heartbeat. Every server assignor gives each subscribed partition exactly one owner, so the counts
 * differ exactly when partitions are unowned or gone; a removal and a creation of equal size within one interval
 * would go unnoticed and wait for the interval, never longer.
 */
final class AssignmentSchedule {

    /** A group whose target time is this has no target yet: the next one runs at once. */
    private static final long NO_TARGET_YET = 0L;

    private final int intervalMs;

    AssignmentSchedule(GroupCoordinatorConfig config) {
        this.intervalMs = config.consumerGroupAssignmentIntervalMs();
    }

    /**
     * @param group                the group before the operation (its target and when it was computed)
     * @param subscribedPartitions the number of partitions of the topics the members subscribe to after the operation
     * @param nowMs                the time of the operation
     * @return true if the target is to be recomputed now
     */
    boolean assignsNow(ConsumerGroup group, int subscribedPartitions, long nowMs) {
        return intervalMs == 0
            || group.assignedAtMs() == NO_TARGET_YET
            || group.targetPartitionCount() != subscribedPartitions
            || nowMs - group.assignedAtMs() >= intervalMs;
    }
}
