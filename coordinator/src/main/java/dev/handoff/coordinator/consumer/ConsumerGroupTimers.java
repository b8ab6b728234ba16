package dev.handoff.coordinator.consumer;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.TimerTask;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.TimerQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-member timers of consumer groups (spec §12) on the coordinator's timer queue. A timer looks the member up
 * again when it fires, so one that is no longer relevant (member gone, or moved on) does nothing.
 */
final class ConsumerGroupTimers {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConsumerGroupTimers.class);
    private static final String SESSION = "consumer-session|";
    private static final String REBALANCE = "consumer-rebalance|";

    private final GroupRegistry groups;
    private final TimerQueue<String, TimerTask> timers;
    private final MemberRemoval removal;

    ConsumerGroupTimers(GroupRegistry groups, TimerQueue<String, TimerTask> timers, MemberRemoval removal) {
        this.groups = groups;
        this.timers = timers;
        this.removal = removal;
    }

    /** (Re)arms the session timer: the member is removed unless it heartbeats again within {@code timeoutMs}. */
    void scheduleSession(String groupId, String memberId, long nowMs, int timeoutMs) {
        timers.schedule(sessionKey(groupId, memberId), nowMs + timeoutMs, firedAtMs -> {
            LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                .log("Member session expired; removing it from the consumer group");
            return fence(groupId, memberId, Integer.MIN_VALUE);
        });
    }

    /**
     * Arms the rebalance timer of a member that must revoke partitions at {@code memberEpoch}: if it is still at
     * that epoch when the timer fires, it is removed and its partitions move on.
     */
    void scheduleRebalance(String groupId, String memberId, int memberEpoch, long nowMs, int timeoutMs) {
        timers.schedule(rebalanceKey(groupId, memberId), nowMs + timeoutMs, firedAtMs -> {
            LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                .addKeyValue("memberEpoch", memberEpoch)
                .log("Member did not revoke its partitions within its rebalance timeout; removing it");
            return fence(groupId, memberId, memberEpoch);
        });
    }

    boolean isRebalanceScheduled(String groupId, String memberId) {
        return timers.isScheduled(rebalanceKey(groupId, memberId));
    }

    void cancelRebalance(String groupId, String memberId) {
        timers.cancel(rebalanceKey(groupId, memberId));
    }

    void cancelAll(String groupId, String memberId) {
        timers.cancel(sessionKey(groupId, memberId));
        timers.cancel(rebalanceKey(groupId, memberId));
    }

    /** @param onlyAtEpoch remove the member only if it is still at this epoch; MIN_VALUE for any epoch */
    private Result<CoordinatorRecord, Void> fence(String groupId, String memberId, int onlyAtEpoch) {
        return groups.get(groupId, ConsumerGroup.class)
            .filter(group -> group.member(memberId)
                .filter(m -> onlyAtEpoch == Integer.MIN_VALUE
                    || m.memberEpoch() == onlyAtEpoch && m.state() == MemberState.UNREVOKED_PARTITIONS)
                .isPresent())
            .map(group -> {
                cancelAll(groupId, memberId);
                return Result.<CoordinatorRecord, Void>of(removal.remove(group, memberId), null);
            })
            .orElseGet(() -> Result.of(null));
    }

    static String sessionKey(String groupId, String memberId) {
        return SESSION + groupId.length() + "|" + groupId + "|" + memberId;
    }

    static String rebalanceKey(String groupId, String memberId) {
        return REBALANCE + groupId.length() + "|" + groupId + "|" + memberId;
    }
}
