package dev.handoff.coordinator.consumer;

import dev.handoff.coordinator.GroupCoordinatorConfig;

/**
 * The heartbeat interval returned to a consumer-protocol member (Handoff's faster handoffs, DECISIONS.md item 5).
 *
 * <p>A KIP-848 handoff waits for the revoking member's next heartbeat and then for the new owner's, and the broker can
 * only answer heartbeats, so with Kafka's 5 s interval every move of a partition costs up to two intervals. The
 * interval is part of every response and a 4.4 client adopts a changed one at once (and resets its timer), so the
 * coordinator shortens it exactly where a handoff waits:
 * <ul>
 *   <li>for a member with work pending (partitions to revoke, partitions to receive, or not yet at the assignment
 *       epoch), until it is reconciled;</li>
 *   <li>for every member of a group of two or more while the group epoch is ahead of its target assignment, and for
 *       {@code group.consumer.fast.heartbeat.window.ms} after that assignment was computed, so that during a rolling
 *       deploy the next change reaches the members that must revoke quickly.</li>
 * </ul>
 * Everyone else gets the configured interval. The client logs every change of interval at INFO, so each condition
 * holds without gaps from one group change until the member is reconciled and the window has passed: a member enters
 * the fast interval once and leaves it once per episode of motion, never per heartbeat.
 *
 * <p>A pure function of its inputs; the window counts from the persisted assignment time, so a restarted coordinator
 * answers as the old one would.
 */
final class HeartbeatIntervalPolicy {

    /** A group member alone has nobody to hand partitions to or take them from. */
    private static final int MIN_MEMBERS_TO_HAND_OFF = 2;

    private final int steadyIntervalMs;
    private final GroupCoordinatorConfig.FastHeartbeat fast;

    HeartbeatIntervalPolicy(GroupCoordinatorConfig config) {
        this.steadyIntervalMs = config.consumerGroupHeartbeatIntervalMs();
        this.fast = config.consumerGroupFastHeartbeat();
    }

    /**
     * The group as a heartbeat leaves it.
     *
     * @param size            the number of members
     * @param groupEpoch      the group epoch
     * @param assignmentEpoch the group epoch the target assignment was computed for
     * @param assignedAtMs    when that target assignment was computed
     */
    record GroupMotion(int size, int groupEpoch, int assignmentEpoch, long assignedAtMs) {
    }

    /**
     * @param member the member as this heartbeat leaves it (reconciled)
     * @param group  its group as this heartbeat leaves it
     * @param nowMs  the time of the heartbeat
     * @return the interval to return in the heartbeat response
     */
    int intervalMs(ConsumerGroupMember member, GroupMotion group, long nowMs) {
        if (!fast.enabled()) {
            return steadyIntervalMs;
        }
        return hasPendingWork(member, group) || isInMotion(group, nowMs) ? fast.intervalMs() : steadyIntervalMs;
    }

    private static boolean hasPendingWork(ConsumerGroupMember member, GroupMotion group) {
        return member.state() != MemberState.STABLE || member.memberEpoch() != group.assignmentEpoch();
    }

    private boolean isInMotion(GroupMotion group, long nowMs) {
        if (group.size() < MIN_MEMBERS_TO_HAND_OFF) {
            return false;
        }
        return group.groupEpoch() > group.assignmentEpoch() || nowMs - group.assignedAtMs() < fast.windowMs();
    }
}
