package dev.handoff.coordinator.consumer;

import java.util.List;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.TimerTask;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
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
    private static final String CLASSIC_JOIN = "consumer-classic-join|";
    private static final String CLASSIC_SYNC = "consumer-classic-sync|";

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
            return fence(groupId, memberId, Integer.MIN_VALUE, firedAtMs);
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
            return fence(groupId, memberId, memberEpoch, firedAtMs);
        });
    }

    /**
     * Arms the join timer of a classic member told to rejoin (REBALANCE_IN_PROGRESS, spec §17): it is removed
     * unless its JoinGroup arrives within its rebalance timeout. An armed timer is left running.
     */
    void scheduleClassicJoinIfAbsent(String groupId, String memberId, long nowMs, int timeoutMs) {
        String key = keyOf(CLASSIC_JOIN, groupId, memberId);
        if (!timers.isScheduled(key)) {
            timers.schedule(key, nowMs + timeoutMs, firedAtMs -> {
                LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                    .log("Classic member did not rejoin within its rebalance timeout; removing it");
                return fence(groupId, memberId, Integer.MIN_VALUE, firedAtMs);
            });
        }
    }

    /** Arms the sync timer of a classic member that joined: it is removed unless its SyncGroup arrives in time. */
    void scheduleClassicSync(String groupId, String memberId, long nowMs, int timeoutMs) {
        timers.schedule(keyOf(CLASSIC_SYNC, groupId, memberId), nowMs + timeoutMs, firedAtMs -> {
            LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                .log("Classic member did not sync within its rebalance timeout; removing it");
            return fence(groupId, memberId, Integer.MIN_VALUE, firedAtMs);
        });
    }

    void cancelClassicJoin(String groupId, String memberId) {
        timers.cancel(keyOf(CLASSIC_JOIN, groupId, memberId));
    }

    void cancelClassicSync(String groupId, String memberId) {
        timers.cancel(keyOf(CLASSIC_SYNC, groupId, memberId));
    }

    /**
     * Removes members whose removal was decided by a request or a timer, downgrading the group when only classic
     * members remain (the timers of every member then stop: the classic group runs its own).
     */
    void remove(ConsumerGroup group, List<String> memberIds, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        memberIds.forEach(memberId -> cancelAll(group.groupId(), memberId));
        if (removal.remove(group, memberIds, out, nowMs)) {
            group.members().keySet().forEach(memberId -> cancelAll(group.groupId(), memberId));
        }
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
        cancelClassicJoin(groupId, memberId);
        cancelClassicSync(groupId, memberId);
    }

    /** @param onlyAtEpoch remove the member only if it is still at this epoch; MIN_VALUE for any epoch */
    private Result<CoordinatorRecord, Void> fence(String groupId, String memberId, int onlyAtEpoch, long nowMs) {
        return groups.get(groupId, ConsumerGroup.class)
            .filter(group -> group.member(memberId)
                .filter(m -> onlyAtEpoch == Integer.MIN_VALUE
                    || m.memberEpoch() == onlyAtEpoch && m.state() == MemberState.UNREVOKED_PARTITIONS)
                .isPresent())
            .map(group -> {
                ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
                remove(group, List.of(memberId), out, nowMs);
                return out.<Void>reply(null);
            })
            .orElseGet(() -> Result.of(null));
    }

    static String sessionKey(String groupId, String memberId) {
        return SESSION + groupId.length() + "|" + groupId + "|" + memberId;
    }

    static String rebalanceKey(String groupId, String memberId) {
        return keyOf(REBALANCE, groupId, memberId);
    }

    private static String keyOf(String kind, String groupId, String memberId) {
        return kind + groupId.length() + "|" + groupId + "|" + memberId;
    }
}
