package dev.handoff.coordinator.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.TimerTask;
import dev.handoff.coordinator.consumer.ClassicGroupBridge;
import dev.handoff.coordinator.record.ClassicGroupValue;
import dev.handoff.coordinator.record.ClassicGroupRecord;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.IdGenerator;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import dev.handoff.coordinator.runtime.TimerQueue;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.utils.Bytes;

/**
 * The classic group protocol: JoinGroup, SyncGroup, Heartbeat and LeaveGroup, as Kafka 4.4's group coordinator
 * runs them. Requests arrive normalised to the latest version's shape (LeaveGroup always as a member batch);
 * {@link RequestContext#apiVersion()} carries the few version-dependent rules. Parked JoinGroup and SyncGroup
 * responses are parked under a {@link ParkingKey} and delivered by later results.
 *
 * <p>The in-flight state of a rebalance (who has rejoined, parked requests, timers) lives in memory only, as in
 * Kafka; a record is written when a generation completes (with the leader's assignment), when a static member is
 * replaced, and when the group ends up empty. Replaying such a record onto the group that produced it is a no-op.
 */
public final class ClassicGroupManager implements ClassicGroupBridge {

    /** JoinGroup v4+ makes a new dynamic member come back with a server-issued id (KIP-394). */
    private static final short FIRST_VERSION_REQUIRING_KNOWN_MEMBER_ID = 4;
    /** JoinGroup v9+ lets a replaced static leader skip running the assignor (KIP-814). */
    private static final short FIRST_VERSION_WITH_SKIP_ASSIGNMENT = 9;

    private final GroupRegistry groups;
    private final GroupCoordinatorConfig config;
    private final IdGenerator ids;
    private final ClassicRebalancer rebalancer;

    public ClassicGroupManager(GroupRegistry groups, TimerQueue<String, TimerTask> timers,
                               GroupCoordinatorConfig config, IdGenerator ids) {
        this.groups = groups;
        this.config = config;
        this.ids = ids;
        this.rebalancer = new ClassicRebalancer(groups, timers, config);
    }

    // ---- JoinGroup -----------------------------------------------------------------------------------------

    public Result<CoordinatorRecord, JoinGroupResponseData> joinGroup(RequestContext context,
                                                                      JoinGroupRequestData request, long nowMs) {
        String memberId = request.memberId();
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        boolean groupExisted = groups.get(request.groupId()).isPresent();
        try {
            validateJoin(request);
            boolean unknownMember = memberId.isEmpty();
            ClassicGroup group = classicGroupForJoin(request.groupId(), unknownMember, out);
            try {
                if (!acceptJoiningMember(group, memberId)) {
                    if (group.hasMember(memberId)) {
                        rebalancer.removeMemberAndUpdateGroup(group, group.member(memberId), out, nowMs);
                    }
                    throw Errors.GROUP_MAX_SIZE_REACHED.exception();
                }
                return unknownMember
                    ? joinNewMember(context, request, group, out, nowMs)
                    : joinExistingMember(context, request, group, out, nowMs);
            } finally {
                if (!groupExisted && group.size() == 0 && !group.hasPendingMembers()) {
                    // A group created by a JoinGroup that failed before adding anybody leaves no trace.
                    groups.remove(group.groupId());
                }
            }
        } catch (ApiException e) {
            return out.reply(ClassicRebalancer.joinError(memberId, Errors.forException(e)));
        }
    }

    private void validateJoin(JoinGroupRequestData request) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            throw Errors.INVALID_GROUP_ID.exception();
        }
        if (request.sessionTimeoutMs() < config.groupMinSessionTimeoutMs()
            || request.sessionTimeoutMs() > config.groupMaxSessionTimeoutMs()) {
            throw Errors.INVALID_SESSION_TIMEOUT.exception();
        }
    }

    /**
     * @return the classic group to join; created if absent (only by a member without id), and replacing an empty
     *         group of another type (its offsets survive)
     */
    private ClassicGroup classicGroupForJoin(String groupId, boolean unknownMember,
                                             ResultBuilder<CoordinatorRecord> out) {
        Optional<Group> existing = groups.get(groupId);
        if (existing.isPresent() && existing.get() instanceof ClassicGroup classic) {
            return classic;
        }
        if (existing.isPresent()) {
            if (!existing.get().isEmpty()) {
                throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
            }
            out.records(existing.get().deletionRecords());
        }
        if (!unknownMember) {
            throw Errors.UNKNOWN_MEMBER_ID.exception();
        }
        ClassicGroup group = new ClassicGroup(groupId);
        groups.put(group);
        return group;
    }

    /** {@code group.max.size}: while rebalancing, count the members that have rejoined, so late rejoiners lose. */
    private boolean acceptJoiningMember(ClassicGroup group, String memberId) {
        return switch (group.state()) {
            case EMPTY, DEAD -> true;
            case PREPARING_REBALANCE -> (group.hasMember(memberId) && group.member(memberId).isAwaitingJoin())
                || group.numAwaitingJoin() < config.groupMaxSize();
            case COMPLETING_REBALANCE, STABLE -> group.hasMember(memberId) || group.size() < config.groupMaxSize();
        };
    }

    private Result<CoordinatorRecord, JoinGroupResponseData> joinNewMember(
        RequestContext context, JoinGroupRequestData request, ClassicGroup group,
        ResultBuilder<CoordinatorRecord> out, long nowMs) {
        checkJoinable(group, request, "");
        String instanceId = request.groupInstanceId();
        String newMemberId = ids.newMemberId(instanceId != null ? instanceId : context.clientId());
        if (instanceId != null) {
            String existingMemberId = group.staticMemberId(instanceId);
            return existingMemberId == null
                ? addMemberThenRebalanceOrCompleteJoin(context, request, group, newMemberId, out, nowMs)
                : replaceStaticMember(context, request, group, existingMemberId, newMemberId, out, nowMs);
        }
        if (context.apiVersion() >= FIRST_VERSION_REQUIRING_KNOWN_MEMBER_ID) {
            group.addPendingMember(newMemberId);
            rebalancer.scheduleSession(group, newMemberId, request.sessionTimeoutMs(), nowMs);
            return out.reply(ClassicRebalancer.joinError(newMemberId, Errors.MEMBER_ID_REQUIRED));
        }
        return addMemberThenRebalanceOrCompleteJoin(context, request, group, newMemberId, out, nowMs);
    }

    private Result<CoordinatorRecord, JoinGroupResponseData> joinExistingMember(
        RequestContext context, JoinGroupRequestData request, ClassicGroup group,
        ResultBuilder<CoordinatorRecord> out, long nowMs) {
        String memberId = request.memberId();
        checkJoinable(group, request, memberId);
        if (group.isPendingMember(memberId)) {
            if (request.groupInstanceId() != null) {
                throw Errors.UNKNOWN_MEMBER_ID.exception();
            }
            return addMemberThenRebalanceOrCompleteJoin(context, request, group, memberId, out, nowMs);
        }
        group.validateMember(memberId, request.groupInstanceId());
        ClassicGroupMember member = group.member(memberId);
        List<ProtocolValue> protocols = protocolsOf(request);
        return switch (group.state()) {
            case PREPARING_REBALANCE -> updateMemberThenRebalanceOrCompleteJoin(request, group, member, out, nowMs);
            case COMPLETING_REBALANCE -> member.matches(protocols)
                // A retried JoinGroup whose response was lost: answer it again.
                ? out.reply(ClassicRebalancer.joinResponse(group, member, false))
                : updateMemberThenRebalanceOrCompleteJoin(request, group, member, out, nowMs);
            case STABLE -> group.isLeader(memberId) || !member.matches(protocols)
                // The leader rejoining, or anybody with a new subscription, starts a new generation.
                ? updateMemberThenRebalanceOrCompleteJoin(request, group, member, out, nowMs)
                : out.reply(ClassicRebalancer.joinResponse(group, member, false));
            case EMPTY, DEAD -> throw Errors.UNKNOWN_MEMBER_ID.exception();
        };
    }

    private static void checkJoinable(ClassicGroup group, JoinGroupRequestData request, String memberId) {
        if (group.isInState(ClassicGroupState.DEAD)) {
            throw Errors.COORDINATOR_NOT_AVAILABLE.exception();
        }
        if (!group.supportsProtocols(request.protocolType(), protocolsOf(request), memberId)) {
            throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
        }
    }

    private Result<CoordinatorRecord, JoinGroupResponseData> addMemberThenRebalanceOrCompleteJoin(
        RequestContext context, JoinGroupRequestData request, ClassicGroup group, String memberId,
        ResultBuilder<CoordinatorRecord> out, long nowMs) {
        ClassicGroupMember member = new ClassicGroupMember(memberId, request.groupInstanceId(), context.clientId(),
            context.clientHost(), request.protocolType(), rebalanceTimeoutOf(request), request.sessionTimeoutMs(),
            protocolsOf(request));
        member.setNew(true);
        group.setAwaitingJoin(member, true);
        if (group.isInState(ClassicGroupState.PREPARING_REBALANCE)
            && group.previousState() == ClassicGroupState.EMPTY) {
            group.setNewMemberAdded(true);
        }
        group.add(member);
        // A new member cannot heartbeat while its JoinGroup is parked; if its client gave up and retries with
        // a fresh id, this timer removes the defunct one.
        rebalancer.scheduleSession(group, memberId, config.classicGroupNewMemberJoinTimeoutMs(), nowMs);
        rebalancer.maybePrepareRebalanceOrCompleteJoin(group, out, nowMs);
        return out.park(ParkingKey.join(group.groupId(), memberId));
    }

    private Result<CoordinatorRecord, JoinGroupResponseData> updateMemberThenRebalanceOrCompleteJoin(
        JoinGroupRequestData request, ClassicGroup group, ClassicGroupMember member,
        ResultBuilder<CoordinatorRecord> out, long nowMs) {
        group.updateMember(member, protocolsOf(request), rebalanceTimeoutOf(request), request.sessionTimeoutMs());
        group.setAwaitingJoin(member, true);
        rebalancer.maybePrepareRebalanceOrCompleteJoin(group, out, nowMs);
        return out.park(ParkingKey.join(group.groupId(), member.memberId()));
    }

    /**
     * A static member came back without its member id (KIP-345): it takes over the old member under a new id and
     * the old id is fenced. A Stable group whose selected protocol would not change does not rebalance; the new id
     * is persisted and the member gets the current generation (a leader may skip the assignment, KIP-814).
     */
    private Result<CoordinatorRecord, JoinGroupResponseData> replaceStaticMember(
        RequestContext context, JoinGroupRequestData request, ClassicGroup group, String oldMemberId,
        String newMemberId, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        String groupId = group.groupId();
        ClassicGroupMember oldMember = group.member(oldMemberId);
        if (oldMember.isAwaitingJoin()) {
            out.deliver(ParkingKey.join(groupId, oldMemberId),
                ClassicRebalancer.joinError(oldMemberId, Errors.FENCED_INSTANCE_ID));
        }
        if (oldMember.isAwaitingSync()) {
            out.deliver(ParkingKey.sync(groupId, oldMemberId), ClassicRebalancer.syncError(Errors.FENCED_INSTANCE_ID));
        }
        rebalancer.detachSessionTimer(group, oldMemberId);
        ClassicGroupMember member = group.replaceStaticMember(request.groupInstanceId(), oldMemberId, newMemberId);
        group.updateMember(member, protocolsOf(request), rebalanceTimeoutOf(request), request.sessionTimeoutMs());
        rebalancer.scheduleSession(group, newMemberId, request.sessionTimeoutMs(), nowMs);
        if (group.isInState(ClassicGroupState.STABLE)
            && group.protocolName().orElse("").equals(group.selectProtocol())) {
            out.record(Records.classicGroup(groupId, group.toValue()));
            boolean skipAssignment = group.isLeader(newMemberId)
                && context.apiVersion() >= FIRST_VERSION_WITH_SKIP_ASSIGNMENT;
            return out.reply(ClassicRebalancer.joinResponse(group, member, skipAssignment));
        }
        group.setAwaitingJoin(member, true);
        rebalancer.maybePrepareRebalanceOrCompleteJoin(group, out, nowMs);
        return out.park(ParkingKey.join(groupId, newMemberId));
    }

    private static int rebalanceTimeoutOf(JoinGroupRequestData request) {
        // JoinGroup v0 has no rebalance timeout; the session timeout stands in for it.
        return request.rebalanceTimeoutMs() < 0 ? request.sessionTimeoutMs() : request.rebalanceTimeoutMs();
    }

    private static List<ProtocolValue> protocolsOf(JoinGroupRequestData request) {
        List<ProtocolValue> protocols = new ArrayList<>();
        request.protocols().forEach(p -> protocols.add(new ProtocolValue(p.name(),
            Bytes.wrap(p.metadata() == null ? new byte[0] : p.metadata()))));
        return protocols;
    }

    // ---- SyncGroup -----------------------------------------------------------------------------------------

    public Result<CoordinatorRecord, SyncGroupResponseData> syncGroup(RequestContext context,
                                                                      SyncGroupRequestData request, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        try {
            ClassicGroup group = groups.get(request.groupId(), ClassicGroup.class)
                .orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
            validateSync(group, request);
            String memberId = request.memberId();
            ClassicGroupMember member = group.member(memberId);
            return switch (group.state()) {
                case PREPARING_REBALANCE -> throw Errors.REBALANCE_IN_PROGRESS.exception();
                case COMPLETING_REBALANCE -> {
                    member.setAwaitingSync(true);
                    rebalancer.markSynced(group, memberId);
                    if (group.isLeader(memberId)) {
                        completeSync(group, request, out, nowMs);
                    }
                    yield out.park(ParkingKey.sync(group.groupId(), memberId));
                }
                case STABLE -> {
                    rebalancer.markSynced(group, memberId);
                    rebalancer.scheduleSession(group, memberId, member.sessionTimeoutMs(), nowMs);
                    yield out.reply(syncResponse(group, member));
                }
                case EMPTY, DEAD -> throw Errors.UNKNOWN_MEMBER_ID.exception();
            };
        } catch (ApiException e) {
            return out.reply(ClassicRebalancer.syncError(Errors.forException(e)));
        }
    }

    private static void validateSync(ClassicGroup group, SyncGroupRequestData request) {
        if (group.isInState(ClassicGroupState.DEAD)) {
            throw Errors.COORDINATOR_NOT_AVAILABLE.exception();
        }
        group.validateMember(request.memberId(), request.groupInstanceId());
        if (request.generationId() != group.generationId()) {
            throw Errors.ILLEGAL_GENERATION.exception();
        }
        // SyncGroup v5+ echoes what JoinGroup returned (KIP-559).
        boolean typeMismatch = request.protocolType() != null
            && !request.protocolType().equals(group.protocolType().orElse(null));
        boolean nameMismatch = request.protocolName() != null
            && !request.protocolName().equals(group.protocolName().orElse(null));
        if (typeMismatch || nameMismatch) {
            throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
        }
    }

    /** The leader's assignment arrived: persist it, answer every parked SyncGroup, and go Stable. */
    private void completeSync(ClassicGroup group, SyncGroupRequestData request, ResultBuilder<CoordinatorRecord> out,
                              long nowMs) {
        for (ClassicGroupMember member : group.members()) {
            member.setAssignment(null);
        }
        for (SyncGroupRequestData.SyncGroupRequestAssignment assignment : request.assignments()) {
            if (group.hasMember(assignment.memberId())) {
                group.member(assignment.memberId()).setAssignment(Bytes.wrap(assignment.assignment()));
            }
        }
        group.transitionTo(ClassicGroupState.STABLE, nowMs);
        out.record(Records.classicGroup(group.groupId(), group.toValue()));
        for (ClassicGroupMember member : group.members()) {
            if (member.isAwaitingSync()) {
                out.deliver(ParkingKey.sync(group.groupId(), member.memberId()), syncResponse(group, member));
                member.setAwaitingSync(false);
                rebalancer.scheduleSession(group, member.memberId(), member.sessionTimeoutMs(), nowMs);
            }
        }
    }

    private static SyncGroupResponseData syncResponse(ClassicGroup group, ClassicGroupMember member) {
        return new SyncGroupResponseData()
            .setErrorCode(Errors.NONE.code())
            .setProtocolType(group.protocolType().orElse(null))
            .setProtocolName(group.protocolName().orElse(null))
            .setAssignment(member.assignment().get());
    }

    // ---- Heartbeat -----------------------------------------------------------------------------------------

    public Result<CoordinatorRecord, HeartbeatResponseData> heartbeat(RequestContext context,
                                                                      HeartbeatRequestData request, long nowMs) {
        try {
            ClassicGroup group = groups.get(request.groupId(), ClassicGroup.class)
                .orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
            if (group.isInState(ClassicGroupState.DEAD)) {
                throw Errors.COORDINATOR_NOT_AVAILABLE.exception();
            }
            group.validateMember(request.memberId(), request.groupInstanceId());
            if (request.generationId() != group.generationId()) {
                throw Errors.ILLEGAL_GENERATION.exception();
            }
            ClassicGroupMember member = group.member(request.memberId());
            Errors error = switch (group.state()) {
                case EMPTY, DEAD -> Errors.UNKNOWN_MEMBER_ID;
                // The session is still refreshed: this heartbeat is how the member learns it must rejoin.
                case PREPARING_REBALANCE -> Errors.REBALANCE_IN_PROGRESS;
                case COMPLETING_REBALANCE, STABLE -> Errors.NONE;
            };
            if (error != Errors.UNKNOWN_MEMBER_ID) {
                rebalancer.scheduleSession(group, member.memberId(), member.sessionTimeoutMs(), nowMs);
            }
            return Result.of(new HeartbeatResponseData().setErrorCode(error.code()));
        } catch (ApiException e) {
            return Result.of(new HeartbeatResponseData().setErrorCode(Errors.forException(e).code()));
        }
    }

    // ---- LeaveGroup ----------------------------------------------------------------------------------------

    /**
     * LeaveGroup as a batch of identities (v3+; the handler wraps v0-2's single member id). An identity with an
     * empty member id and an instance id is an admin removal of that static member.
     */
    public Result<CoordinatorRecord, LeaveGroupResponseData> leaveGroup(RequestContext context,
                                                                        LeaveGroupRequestData request, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        Optional<ClassicGroup> found = groups.get(request.groupId(), ClassicGroup.class);
        if (found.isEmpty()) {
            return out.reply(new LeaveGroupResponseData().setErrorCode(Errors.UNKNOWN_MEMBER_ID.code()));
        }
        ClassicGroup group = found.get();
        if (group.isInState(ClassicGroupState.DEAD)) {
            return out.reply(new LeaveGroupResponseData().setErrorCode(Errors.COORDINATOR_NOT_AVAILABLE.code()));
        }
        List<LeaveGroupResponseData.MemberResponse> responses = new ArrayList<>();
        boolean changed = false;
        for (LeaveGroupRequestData.MemberIdentity identity : request.members()) {
            Errors error = Errors.NONE;
            try {
                changed |= leave(group, identity, out);
            } catch (ApiException e) {
                error = Errors.forException(e);
            }
            responses.add(new LeaveGroupResponseData.MemberResponse()
                .setMemberId(identity.memberId())
                .setGroupInstanceId(identity.groupInstanceId())
                .setErrorCode(error.code()));
        }
        if (changed) {
            rebalancer.onMembershipShrunk(group, out, nowMs);
        }
        return out.reply(new LeaveGroupResponseData().setErrorCode(Errors.NONE.code()).setMembers(responses));
    }

    /** @return true if a member or pending member was removed */
    private boolean leave(ClassicGroup group, LeaveGroupRequestData.MemberIdentity identity,
                          ResultBuilder<CoordinatorRecord> out) {
        String memberId = identity.memberId();
        String instanceId = identity.groupInstanceId();
        if (memberId.isEmpty() && instanceId != null) {
            String registered = group.staticMemberId(instanceId);
            if (registered == null) {
                throw Errors.UNKNOWN_MEMBER_ID.exception();
            }
            rebalancer.detachMember(group, group.member(registered), out);
            return true;
        }
        if (group.removePendingMember(memberId)) {
            rebalancer.detachSessionTimer(group, memberId);
            return true;
        }
        group.validateMember(memberId, instanceId);
        rebalancer.detachMember(group, group.member(memberId), out);
        return true;
    }

    // ---- hooks for the shard -------------------------------------------------------------------------------

    /** Applies a classic group record; a record describing the group as it already is changes nothing. */
    public void replay(ClassicGroupRecord record) {
        Optional<ClassicGroup> existing = groups.get(record.groupId(), ClassicGroup.class);
        if (record.isTombstone()) {
            existing.ifPresent(group -> groups.remove(group.groupId()));
        } else if (existing.isEmpty() || !existing.get().toValue().equals(record.value())) {
            groups.put(ClassicGroup.fromValue(record.groupId(), record.value()));
        }
    }

    /** After loading, every member's session starts afresh, as if it had just heartbeated. */
    public void onLoaded(long nowMs) {
        for (Group group : List.copyOf(groups.all())) {
            if (group instanceof ClassicGroup classic) {
                classic.members().forEach(m ->
                    rebalancer.scheduleSession(classic, m.memberId(), m.sessionTimeoutMs(), nowMs));
            }
        }
    }

    // ---- online migration (spec §17) ------------------------------------------------------------------------

    @Override
    public Optional<ClassicGroupValue> nonEmptyClassicGroup(String groupId) {
        return groups.get(groupId, ClassicGroup.class)
            .filter(group -> !group.isEmpty() && !group.isInState(ClassicGroupState.DEAD))
            .map(ClassicGroup::toValue);
    }

    @Override
    public void retire(String groupId, ResultBuilder<CoordinatorRecord> out) {
        groups.get(groupId, ClassicGroup.class).ifPresent(group -> {
            for (ClassicGroupMember member : group.members()) {
                if (member.isAwaitingJoin()) {
                    out.deliver(ParkingKey.join(groupId, member.memberId()),
                        ClassicRebalancer.joinError(member.memberId(), Errors.REBALANCE_IN_PROGRESS));
                }
                if (member.isAwaitingSync()) {
                    out.deliver(ParkingKey.sync(groupId, member.memberId()),
                        ClassicRebalancer.syncError(Errors.REBALANCE_IN_PROGRESS));
                }
            }
            rebalancer.cancelTimers(group);
        });
    }

    /** The group starts as the record describes it, then rebalances; its record carries the rebalance's start. */
    @Override
    public void install(String groupId, ClassicGroupValue value, ResultBuilder<CoordinatorRecord> out, long nowMs) {
        ClassicGroup group = ClassicGroup.fromValue(groupId, value);
        groups.put(group);
        group.members().forEach(m -> rebalancer.scheduleSession(group, m.memberId(), m.sessionTimeoutMs(), nowMs));
        rebalancer.prepareRebalance(group, out, nowMs);
        out.record(Records.classicGroup(groupId, group.toValue()));
    }

    /** An offset commit with generation -1 for an unknown group creates a "simple" group (no protocol). */
    public void ensureSimpleGroup(String groupId) {
        if (groups.get(groupId).isEmpty()) {
            groups.put(new ClassicGroup(groupId));
        }
    }

    /** A member's accepted OffsetCommit also counts as a heartbeat while Stable or PreparingRebalance. */
    public void onOffsetCommitted(String groupId, String memberId, long nowMs) {
        groups.get(groupId, ClassicGroup.class)
            .filter(g -> g.isInState(ClassicGroupState.STABLE) || g.isInState(ClassicGroupState.PREPARING_REBALANCE))
            .filter(g -> memberId != null && g.hasMember(memberId))
            .ifPresent(g -> rebalancer.scheduleSession(g, memberId, g.member(memberId).sessionTimeoutMs(), nowMs));
    }

    /** The group is about to be deleted: stop its timers. */
    public void onDeleting(String groupId) {
        groups.get(groupId, ClassicGroup.class).ifPresent(rebalancer::cancelTimers);
    }
}
