package dev.handoff.coordinator.classic;

import java.util.ArrayList;
import java.util.List;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.TimerTask;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import dev.handoff.coordinator.runtime.TimerQueue;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic group's rebalance machinery shared by every classic API and timer: entering PreparingRebalance,
 * completing the join phase (new generation, join responses), member removal and the session, join and sync
 * timers. Everything it produces (records, parked responses) goes into the caller's {@link ResultBuilder}.
 */
final class ClassicRebalancer {

    private static final Logger LOGGER = LoggerFactory.getLogger(ClassicRebalancer.class);

    private final GroupRegistry groups;
    private final TimerQueue<String, TimerTask> timers;
    private final GroupCoordinatorConfig config;

    ClassicRebalancer(GroupRegistry groups, TimerQueue<String, TimerTask> timers, GroupCoordinatorConfig config) {
        this.groups = groups;
        this.timers = timers;
        this.config = config;
    }

    static String sessionKey(String groupId, String memberId) {
        return "classic-session:" + groupId + ":" + memberId;
    }

    static String joinKey(String groupId) {
        return "classic-join:" + groupId;
    }

    static String syncKey(String groupId) {
        return "classic-sync:" + groupId;
    }

    // ---- session timers ------------------------------------------------------------------------------------

    /** (Re)arms the session timer of a member or a KIP-394 pending member. */
    void scheduleSession(ClassicGroup group, String memberId, long timeoutMs, long nowMs) {
        String groupId = group.groupId();
        timers.schedule(sessionKey(groupId, memberId), nowMs + timeoutMs,
            firedAtMs -> onSessionExpired(groupId, memberId, firedAtMs));
    }

    private Result<CoordinatorRecord, Void> onSessionExpired(String groupId, String memberId, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        groups.get(groupId, ClassicGroup.class).ifPresent(group -> {
            if (group.removePendingMember(memberId)) {
                LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                    .log("Pending member expired before rejoining");
                maybeCompleteJoinPhase(group, out, nowMs);
            } else if (group.hasMember(memberId)) {
                ClassicGroupMember member = group.member(memberId);
                if (member.hasSatisfiedHeartbeat()) {
                    // Parked in JoinGroup or SyncGroup: alive by definition; keep watching in case it stays stuck.
                    scheduleSession(group, memberId, member.sessionTimeoutMs(), nowMs);
                } else {
                    LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                        .log("Member session expired");
                    removeMemberAndUpdateGroup(group, member, out, nowMs);
                }
            }
        });
        return out.reply(null);
    }

    void detachSessionTimer(ClassicGroup group, String memberId) {
        timers.cancel(sessionKey(group.groupId(), memberId));
    }

    // ---- removal -------------------------------------------------------------------------------------------

    /** Removes a member without starting a rebalance; its parked requests get UNKNOWN_MEMBER_ID. */
    void detachMember(ClassicGroup group, ClassicGroupMember member, ResultBuilder<CoordinatorRecord> out) {
        if (member.isAwaitingJoin()) {
            out.deliver(ParkingKey.join(group.groupId(), member.memberId()),
                joinError(member.memberId(), Errors.UNKNOWN_MEMBER_ID));
        }
        if (member.isAwaitingSync()) {
            out.deliver(ParkingKey.sync(group.groupId(), member.memberId()), syncError(Errors.UNKNOWN_MEMBER_ID));
        }
        timers.cancel(sessionKey(group.groupId(), member.memberId()));
        group.remove(member.memberId());
    }

    void removeMemberAndUpdateGroup(ClassicGroup group, ClassicGroupMember member,
                                    ResultBuilder<CoordinatorRecord> out, long nowMs) {
        detachMember(group, member, out);
        onMembershipShrunk(group, out, nowMs);
    }

    /** After members left: a settled group rebalances; a group in the join phase may now be complete. */
    void onMembershipShrunk(ClassicGroup group, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        switch (group.state()) {
            case STABLE, COMPLETING_REBALANCE -> prepareRebalance(group, out, nowMs);
            case PREPARING_REBALANCE -> maybeCompleteJoinPhase(group, out, nowMs);
            case EMPTY, DEAD -> {
                // nothing to rebalance
            }
        }
    }

    // ---- join phase ----------------------------------------------------------------------------------------

    void maybePrepareRebalanceOrCompleteJoin(ClassicGroup group, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        switch (group.state()) {
            case STABLE, COMPLETING_REBALANCE, EMPTY -> prepareRebalance(group, out, nowMs);
            case PREPARING_REBALANCE -> maybeCompleteJoinPhase(group, out, nowMs);
            case DEAD -> {
                // a dead group never rebalances
            }
        }
    }

    /**
     * Enters PreparingRebalance. Members parked in SyncGroup are told to rejoin. A group coming from Empty waits
     * {@code group.initial.rebalance.delay.ms} for more members; any other waits at most its rebalance timeout.
     */
    void prepareRebalance(ClassicGroup group, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        String groupId = group.groupId();
        if (group.isInState(ClassicGroupState.COMPLETING_REBALANCE)) {
            resetAssignmentsWithError(group, Errors.REBALANCE_IN_PROGRESS, out);
        }
        timers.cancel(syncKey(groupId));
        group.pendingSyncMembers().clear();
        boolean initialRebalance = group.isInState(ClassicGroupState.EMPTY);
        group.transitionTo(ClassicGroupState.PREPARING_REBALANCE, nowMs);
        LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("generationId", group.generationId())
            .log("Preparing to rebalance");
        if (initialRebalance) {
            int delayMs = config.groupInitialRebalanceDelayMs();
            int remainingMs = Math.max(group.rebalanceTimeoutMs() - delayMs, 0);
            timers.schedule(joinKey(groupId), nowMs + delayMs,
                firedAtMs -> tryCompleteInitialRebalance(groupId, delayMs, remainingMs, firedAtMs));
        } else {
            timers.schedule(joinKey(groupId), nowMs + group.rebalanceTimeoutMs(),
                firedAtMs -> completeJoinOnTimeout(groupId, firedAtMs));
        }
        maybeCompleteJoinPhase(group, out, nowMs);
    }

    /**
     * The initial delay window expired: if a member joined during it, wait another window (shortened so the total
     * never exceeds the rebalance timeout), else complete the join phase.
     */
    private Result<CoordinatorRecord, Void> tryCompleteInitialRebalance(String groupId, int delayMs, int remainingMs,
                                                                       long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        groups.get(groupId, ClassicGroup.class).ifPresent(group -> {
            if (group.newMemberAdded() && remainingMs != 0) {
                group.setNewMemberAdded(false);
                int nextDelayMs = Math.min(config.groupInitialRebalanceDelayMs(), remainingMs);
                int nextRemainingMs = Math.max(remainingMs - delayMs, 0);
                timers.schedule(joinKey(groupId), nowMs + nextDelayMs,
                    firedAtMs -> tryCompleteInitialRebalance(groupId, nextDelayMs, nextRemainingMs, firedAtMs));
            } else {
                completeJoin(group, out, nowMs);
            }
        });
        return out.reply(null);
    }

    private Result<CoordinatorRecord, Void> completeJoinOnTimeout(String groupId, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        groups.get(groupId, ClassicGroup.class).ifPresent(group -> completeJoin(group, out, nowMs));
        return out.reply(null);
    }

    /** Completes the join phase early once everybody has rejoined (never during the initial delay). */
    void maybeCompleteJoinPhase(ClassicGroup group, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        if (group.isInState(ClassicGroupState.PREPARING_REBALANCE) && group.hasAllMembersJoined()
            && group.previousState() != ClassicGroupState.EMPTY) {
            completeJoin(group, out, nowMs);
        }
    }

    /**
     * Ends the join phase: dynamic members that did not rejoin are removed (static ones stay, KIP-345), the next
     * generation starts, and every parked JoinGroup is answered; only the leader gets the member list.
     */
    void completeJoin(ClassicGroup group, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        String groupId = group.groupId();
        timers.cancel(joinKey(groupId));
        if (group.isInState(ClassicGroupState.DEAD)) {
            return;
        }
        for (ClassicGroupMember member : List.copyOf(group.members())) {
            if (!member.isAwaitingJoin() && !member.isStatic()) {
                LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("memberId", member.memberId())
                    .log("Removing member that did not rejoin in time");
                detachMember(group, member, out);
            }
        }
        if (!group.maybeElectNewJoinedLeader() && group.size() > 0) {
            // Nobody rejoined: wait another rebalance timeout; session expiry removes the silent static members.
            timers.schedule(joinKey(groupId), nowMs + group.rebalanceTimeoutMs(),
                firedAtMs -> completeJoinOnTimeout(groupId, firedAtMs));
            return;
        }
        group.initNextGeneration(nowMs);
        LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("generationId", group.generationId())
            .addKeyValue("members", group.size()).log("Join phase completed");
        if (group.isInState(ClassicGroupState.EMPTY)) {
            out.record(Records.classicGroup(groupId, group.toValue()));
            return;
        }
        for (ClassicGroupMember member : group.members()) {
            out.deliver(ParkingKey.join(groupId, member.memberId()), joinResponse(group, member, false));
            group.setAwaitingJoin(member, false);
            member.setNew(false);
            scheduleSession(group, member.memberId(), member.sessionTimeoutMs(), nowMs);
            group.pendingSyncMembers().add(member.memberId());
        }
        int generationId = group.generationId();
        timers.schedule(syncKey(groupId), nowMs + group.rebalanceTimeoutMs(),
            firedAtMs -> expirePendingSync(groupId, generationId, firedAtMs));
    }

    /** Members that did not send SyncGroup within the rebalance timeout are removed, and the group rebalances. */
    private Result<CoordinatorRecord, Void> expirePendingSync(String groupId, int generationId, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        groups.get(groupId, ClassicGroup.class).ifPresent(group -> {
            boolean settling = group.isInState(ClassicGroupState.COMPLETING_REBALANCE)
                || group.isInState(ClassicGroupState.STABLE);
            if (group.generationId() != generationId || !settling || group.pendingSyncMembers().isEmpty()) {
                return;
            }
            List<String> late = new ArrayList<>(group.pendingSyncMembers());
            LOGGER.atInfo().addKeyValue("groupId", groupId).addKeyValue("members", late)
                .log("Removing members that did not sync in time");
            late.forEach(memberId -> detachMember(group, group.member(memberId), out));
            prepareRebalance(group, out, nowMs);
        });
        return out.reply(null);
    }

    /** A member sent SyncGroup; once all have, the sync timer is no longer needed. */
    void markSynced(ClassicGroup group, String memberId) {
        group.pendingSyncMembers().remove(memberId);
        if (group.pendingSyncMembers().isEmpty()) {
            timers.cancel(syncKey(group.groupId()));
        }
    }

    /** Clears assignments and answers parked SyncGroups with {@code error}. */
    private static void resetAssignmentsWithError(ClassicGroup group, Errors error,
                                                  ResultBuilder<CoordinatorRecord> out) {
        for (ClassicGroupMember member : group.members()) {
            member.setAssignment(null);
            if (member.isAwaitingSync()) {
                out.deliver(ParkingKey.sync(group.groupId(), member.memberId()), syncError(error));
                member.setAwaitingSync(false);
            }
        }
    }

    /** Cancels every timer of the group (it is being deleted or replaced). */
    void cancelTimers(ClassicGroup group) {
        timers.cancel(joinKey(group.groupId()));
        timers.cancel(syncKey(group.groupId()));
        group.members().forEach(m -> timers.cancel(sessionKey(group.groupId(), m.memberId())));
    }

    // ---- responses -----------------------------------------------------------------------------------------

    static JoinGroupResponseData joinResponse(ClassicGroup group, ClassicGroupMember member, boolean skipAssignment) {
        boolean leader = group.isLeader(member.memberId());
        return new JoinGroupResponseData()
            .setErrorCode(Errors.NONE.code())
            .setGenerationId(group.generationId())
            .setProtocolType(group.protocolType().orElse(null))
            .setProtocolName(group.protocolName().orElse(null))
            .setLeader(group.leaderOrNull())
            .setSkipAssignment(skipAssignment)
            .setMemberId(member.memberId())
            .setMembers(leader ? group.joinResponseMembers() : List.of());
    }

    static JoinGroupResponseData joinError(String memberId, Errors error) {
        return new JoinGroupResponseData().setMemberId(memberId).setErrorCode(error.code());
    }

    static SyncGroupResponseData syncError(Errors error) {
        return new SyncGroupResponseData().setErrorCode(error.code());
    }
}
