package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionAssignor;
import dev.handoff.coordinator.assignor.PartitionAssignorException;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.ClassicMemberMetadataValue;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.IdGenerator;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves members that still speak the classic protocol inside a consumer group (spec §17; Kafka's
 * {@code classicGroupJoinToConsumerGroup} and friends). Their subscription is decoded from JoinGroup metadata, they
 * are reconciled like consumer-protocol members with the server-side assignment, and SyncGroup hands them their
 * current assignment encoded in their own protocol version. A classic member's epoch is its generation; it revokes
 * by rejoining, which its heartbeat asks for with REBALANCE_IN_PROGRESS when its assignment must change.
 */
final class ClassicMemberHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(ClassicMemberHandler.class);
    /** JoinGroup v4+ makes a new dynamic member come back with a server-issued id (KIP-394). */
    private static final short FIRST_VERSION_REQUIRING_KNOWN_MEMBER_ID = 4;

    private final GroupRegistry groups;
    private final GroupCoordinatorConfig config;
    private final SubscriptionResolver topics;
    private final ServerAssignors assignors;
    private final ConsumerGroupTimers timers;
    private final TargetAssignmentUpdater targetUpdater;
    private final AssignmentSchedule schedule;
    private final IdGenerator ids;

    ClassicMemberHandler(GroupRegistry groups, GroupCoordinatorConfig config, SubscriptionResolver topics,
                         ServerAssignors assignors, ConsumerGroupTimers timers, IdGenerator ids) {
        this.groups = groups;
        this.config = config;
        this.topics = topics;
        this.assignors = assignors;
        this.timers = timers;
        this.targetUpdater = new TargetAssignmentUpdater(topics);
        this.schedule = new AssignmentSchedule(config);
        this.ids = ids;
    }

    // ---- JoinGroup -----------------------------------------------------------------------------------------

    Result<CoordinatorRecord, JoinGroupResponseData> join(RequestContext context, JoinGroupRequestData request,
                                                          long nowMs) {
        try {
            return joinOrThrow(context, request, nowMs);
        } catch (ApiException e) {
            return Result.of(joinError(request.memberId(), Errors.forException(e)));
        } catch (PartitionAssignorException e) {
            LOGGER.atError().addKeyValue("groupId", request.groupId()).setCause(e).log("Server assignor failed");
            return Result.of(joinError(request.memberId(), Errors.UNKNOWN_SERVER_ERROR));
        }
    }

    private Result<CoordinatorRecord, JoinGroupResponseData> joinOrThrow(RequestContext context,
                                                                         JoinGroupRequestData request, long nowMs) {
        ConsumerGroup group = existingGroup(request.groupId());
        String groupId = group.groupId();
        if (request.sessionTimeoutMs() < config.groupMinSessionTimeoutMs()
            || request.sessionTimeoutMs() > config.groupMaxSessionTimeoutMs()) {
            throw Errors.INVALID_SESSION_TIMEOUT.exception();
        }
        String instanceId = request.groupInstanceId();
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        String memberId = request.memberId();
        ConsumerGroupMember member;
        boolean isNew = true;
        Optional<String> replaced = Optional.empty();
        if (memberId.isEmpty()) {
            memberId = ids.newMemberId(instanceId != null ? instanceId : context.clientId());
            if (instanceId == null && context.apiVersion() >= FIRST_VERSION_REQUIRING_KNOWN_MEMBER_ID) {
                return Result.of(joinError(memberId, Errors.MEMBER_ID_REQUIRED));
            }
            replaced = instanceId == null ? Optional.empty() : group.staticMemberId(instanceId);
            if (replaced.isPresent()) {
                member = takeOver(group, group.member(replaced.get()).orElseThrow(), memberId, out);
            } else {
                throwIfGroupIsFull(group);
                member = ConsumerGroupMember.builder(memberId).build();
            }
        } else if (instanceId == null && group.member(memberId).isEmpty()) {
            // The id a dynamic member got with MEMBER_ID_REQUIRED: the member is created now (KIP-394).
            throwIfGroupIsFull(group);
            member = ConsumerGroupMember.builder(memberId).build();
        } else {
            member = classicMember(group, memberId, instanceId);
            isNew = false;
        }
        throwIfProtocolIsUnsupported(group, memberId, request);
        ConsumerProtocolSubscription subscription = subscriptionOf(request);

        // 1. Apply the JoinGroup to the member and maybe bump the group epoch.
        ConsumerGroupMember updated = member.toBuilder()
            .instanceId(instanceId)
            .rackId(subscription.rackId())
            .clientId(context.clientId())
            .clientHost(context.clientHost())
            .subscribedTopicNames(subscription.topics())
            .rebalanceTimeoutMs(request.rebalanceTimeoutMs() < 0 ? request.sessionTimeoutMs()
                : request.rebalanceTimeoutMs())
            .classicMemberMetadata(new ClassicMemberMetadataValue(request.sessionTimeoutMs(), protocolsOf(request)))
            .build();
        boolean subscriptionChanged = !updated.subscribedTopicNames().equals(member.subscribedTopicNames());
        if (isNew || !ConsumerGroupRecords.sameMetadata(updated, member)) {
            out.record(ConsumerGroupRecords.memberRecord(groupId, updated));
        }
        // The group as this join leaves it (its member and target maps are built only when the target is
        // recomputed), and its counted assignor votes and subscriptions, adjusted for the members this join takes
        // out (a replaced static member, the member as it was) and puts in: the metadata hash is recomputed only
        // when a topic gains its first or loses its last subscriber.
        GroupAfterHeartbeat after = new GroupAfterHeartbeat(group, replaced, updated);
        Optional<ConsumerGroupMember> replacedMember = replaced.flatMap(group::member);
        Optional<ConsumerGroupMember> previous = group.member(memberId);
        Map<String, Integer> votes = new HashMap<>(group.assignorVotes());
        replacedMember.flatMap(ConsumerGroupMember::serverAssignorName)
            .ifPresent(name -> votes.merge(name, -1, Integer::sum));
        PartitionAssignor assignorBefore = assignors.effective(votes);
        previous.flatMap(ConsumerGroupMember::serverAssignorName)
            .ifPresent(name -> votes.merge(name, -1, Integer::sum));
        updated.serverAssignorName().ifPresent(name -> votes.merge(name, 1, Integer::sum));
        PartitionAssignor assignor = assignors.effective(votes);
        Optional<SortedSet<String>> subscribedTopics = after.subscribedTopicNames();
        long metadataHash = subscribedTopics.map(topics::metadataHash).orElseGet(group::subscribedMetadataHash);
        int groupEpoch = group.groupEpoch();
        if (subscriptionChanged || metadataHash != group.metadataHash() || assignor != assignorBefore) {
            groupEpoch++;
            out.record(Records.consumerGroupEpoch(groupId, groupEpoch, metadataHash));
        }

        // 2. Recompute the target assignment when the group epoch is ahead of it.
        int assignmentEpoch = group.assignmentEpoch();
        MemberAssignment memberTarget = after.targetAssignment(memberId);
        if (groupEpoch > assignmentEpoch
            && schedule.assignsNow(group, subscribedTopics.map(topics::partitionCount)
                .orElseGet(group::subscribedPartitionCount), nowMs)) {
            TargetAssignmentUpdater.Update update =
                targetUpdater.compute(groupId, after.members(), after.target(), groupEpoch, assignor, nowMs);
            out.records(update.records());
            memberTarget = update.target().getOrDefault(memberId, MemberAssignment.EMPTY);
            assignmentEpoch = groupEpoch;
        }

        // 3. Reconcile with the partitions the member reports owning (it revoked the others before rejoining).
        ConsumerGroupMember reconciled = new CurrentAssignmentBuilder(updated)
            .withTargetAssignment(assignmentEpoch, memberTarget.partitions())
            .withCurrentPartitionEpoch(group.partitionOwners())
            .withOwnedPartitions(ownedPartitions(subscription, member, isNew))
            .withSubscribedTopicIds(topics.topicIds(updated))
            .withSubscriptionChanged(subscriptionChanged)
            .build();
        if (isNew || !ConsumerGroupRecords.sameCurrentAssignment(reconciled, member)) {
            out.record(ConsumerGroupRecords.currentAssignmentRecord(groupId, reconciled));
        }

        replaced.ifPresent(old -> timers.cancelAll(groupId, old));
        timers.cancelClassicJoin(groupId, memberId);
        timers.scheduleSession(groupId, memberId, nowMs, request.sessionTimeoutMs());
        timers.scheduleClassicSync(groupId, memberId, nowMs, reconciled.rebalanceTimeoutMs());
        return out.reply(new JoinGroupResponseData()
            .setErrorCode(Errors.NONE.code())
            .setMemberId(memberId)
            .setGenerationId(reconciled.memberEpoch())
            .setProtocolType(ConsumerGroup.PROTOCOL_TYPE)
            .setProtocolName(request.protocols().iterator().next().name())
            .setLeader("")
            .setSkipAssignment(false)
            .setMembers(List.of()));
    }

    /** A static member rejoining without its member id takes over the old member under a new id (KIP-345). */
    private static ConsumerGroupMember takeOver(ConsumerGroup group, ConsumerGroupMember old, String memberId,
                                                ResultBuilder<CoordinatorRecord> out) {
        String groupId = group.groupId();
        out.records(List.of(
            Records.consumerCurrentAssignmentTombstone(groupId, old.memberId()),
            Records.consumerTargetAssignmentTombstone(groupId, old.memberId()),
            Records.consumerMemberTombstone(groupId, old.memberId())));
        out.record(ConsumerGroupRecords.targetAssignmentRecord(groupId, memberId,
            group.targetAssignment(old.memberId())));
        return ConsumerGroupMember.builder(memberId)
            .subscribedTopicNames(old.subscribedTopicNames())
            .memberEpoch(old.memberEpoch())
            .previousMemberEpoch(old.previousMemberEpoch())
            .state(old.state())
            .assignedPartitions(old.assignedPartitions())
            .partitionsPendingRevocation(old.partitionsPendingRevocation())
            .build();
    }

    private void throwIfGroupIsFull(ConsumerGroup group) {
        if (group.size() >= config.consumerGroupMaxSize()) {
            throw Errors.GROUP_MAX_SIZE_REACHED.exception("The consumer group has reached its maximum size of "
                + config.consumerGroupMaxSize() + ".");
        }
    }

    /**
     * The protocol type must be {@code consumer} and at least one protocol must be supported by every other
     * classic member (Kafka's {@code supportsClassicProtocols}), so that a downgrade can select one.
     */
    private static void throwIfProtocolIsUnsupported(ConsumerGroup group, String memberId,
                                                     JoinGroupRequestData request) {
        if (!ConsumerGroup.PROTOCOL_TYPE.equals(request.protocolType()) || request.protocols().isEmpty()) {
            throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
        }
        // Counted by the group, so the check is O(the request's protocols): a protocol is shared when every other
        // classic member offers it, the joining member's own offer (as it stands) left out.
        Optional<Set<String>> ownOffer = group.member(memberId)
            .flatMap(ConsumerGroupMember::classicMemberMetadata)
            .map(metadata -> metadata.protocols().stream().map(ProtocolValue::name).collect(Collectors.toSet()));
        int others = group.classicMemberCount() - (ownOffer.isPresent() ? 1 : 0);
        boolean shared = request.protocols().stream().anyMatch(p -> group.classicMembersOffering(p.name())
            - (ownOffer.isPresent() && ownOffer.get().contains(p.name()) ? 1 : 0) == others);
        if (!shared) {
            throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
        }
    }

    /** All protocols carry the same subscription; the first one's is read (spec §17). */
    private static ConsumerProtocolSubscription subscriptionOf(JoinGroupRequestData request) {
        try {
            return EmbeddedConsumerProtocol.subscription(metadataOf(request.protocols().iterator().next()));
        } catch (IllegalArgumentException e) {
            throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception("The member's consumer protocol subscription is"
                + " malformed.");
        }
    }

    private static byte[] metadataOf(JoinGroupRequestData.JoinGroupRequestProtocol protocol) {
        return protocol.metadata() == null ? new byte[0] : protocol.metadata();
    }

    private static List<ProtocolValue> protocolsOf(JoinGroupRequestData request) {
        List<ProtocolValue> protocols = new ArrayList<>();
        request.protocols().forEach(p -> protocols.add(new ProtocolValue(p.name(), Bytes.wrap(metadataOf(p)))));
        return protocols;
    }

    /**
     * What the member owns as it rejoins: its subscription's owned partitions, trusted only when they were written
     * at the member's current epoch (a subscription from another generation says nothing about this one).
     */
    private Map<Uuid, PartitionSet> ownedPartitions(ConsumerProtocolSubscription subscription,
                                                    ConsumerGroupMember member, boolean isNew) {
        if (!isNew && subscription.generationId() >= 0 && subscription.generationId() != member.memberEpoch()) {
            return null;
        }
        return EmbeddedConsumerProtocol.topicIds(EmbeddedConsumerProtocol.ownedPartitions(subscription), topics);
    }

    private static JoinGroupResponseData joinError(String memberId, Errors error) {
        return new JoinGroupResponseData().setMemberId(memberId).setErrorCode(error.code());
    }

    // ---- SyncGroup -----------------------------------------------------------------------------------------

    Result<CoordinatorRecord, SyncGroupResponseData> sync(SyncGroupRequestData request, long nowMs) {
        try {
            ConsumerGroup group = existingGroup(request.groupId());
            ConsumerGroupMember member = classicMember(group, request.memberId(), request.groupInstanceId());
            throwIfGenerationIsIllegal(member, request.generationId());
            ProtocolValue protocol = member.classicMemberMetadata().orElseThrow().protocols().get(0);
            // SyncGroup v5+ echoes what JoinGroup returned (KIP-559).
            if (request.protocolType() != null && !ConsumerGroup.PROTOCOL_TYPE.equals(request.protocolType())
                || request.protocolName() != null && !protocol.name().equals(request.protocolName())) {
                throw Errors.INCONSISTENT_GROUP_PROTOCOL.exception();
            }
            String groupId = group.groupId();
            timers.cancelClassicSync(groupId, member.memberId());
            timers.scheduleSession(groupId, member.memberId(), nowMs, sessionTimeoutOf(member));
            if (member.state() != MemberState.UNREVOKED_PARTITIONS && group.assignmentEpoch() > member.memberEpoch()) {
                timers.scheduleClassicJoinIfAbsent(groupId, member.memberId(), nowMs, member.rebalanceTimeoutMs());
                throw Errors.REBALANCE_IN_PROGRESS.exception();
            }
            byte[] assignment = EmbeddedConsumerProtocol.encodeAssignment(member.assignedPartitions().partitions(),
                EmbeddedConsumerProtocol.version(protocol.metadata().get()), topics);
            return Result.of(new SyncGroupResponseData()
                .setErrorCode(Errors.NONE.code())
                .setProtocolType(ConsumerGroup.PROTOCOL_TYPE)
                .setProtocolName(protocol.name())
                .setAssignment(assignment));
        } catch (ApiException e) {
            return Result.of(new SyncGroupResponseData().setErrorCode(Errors.forException(e).code()));
        }
    }

    // ---- Heartbeat -----------------------------------------------------------------------------------------

    Result<CoordinatorRecord, HeartbeatResponseData> heartbeat(HeartbeatRequestData request, long nowMs) {
        try {
            ConsumerGroup group = existingGroup(request.groupId());
            ConsumerGroupMember member = classicMember(group, request.memberId(), request.groupInstanceId());
            throwIfGenerationIsIllegal(member, request.generationId());
            String groupId = group.groupId();
            timers.scheduleSession(groupId, member.memberId(), nowMs, sessionTimeoutOf(member));
            if (mustRejoin(group, member)) {
                timers.scheduleClassicJoinIfAbsent(groupId, member.memberId(), nowMs, member.rebalanceTimeoutMs());
                return Result.of(new HeartbeatResponseData().setErrorCode(Errors.REBALANCE_IN_PROGRESS.code()));
            }
            return Result.of(new HeartbeatResponseData().setErrorCode(Errors.NONE.code()));
        } catch (ApiException e) {
            return Result.of(new HeartbeatResponseData().setErrorCode(Errors.forException(e).code()));
        }
    }

    /**
     * A classic member learns of a new assignment only by rejoining: when the target moved past its epoch, when it
     * must revoke partitions, or when partitions it waits for have been released.
     */
    private static boolean mustRejoin(ConsumerGroup group, ConsumerGroupMember member) {
        if (member.memberEpoch() < group.assignmentEpoch() || member.state() == MemberState.UNREVOKED_PARTITIONS) {
            return true;
        }
        if (member.state() != MemberState.UNRELEASED_PARTITIONS) {
            return false;
        }
        PartitionEpochLookup owners = group.partitionOwners();
        for (Map.Entry<Uuid, PartitionSet> topic : group.targetAssignment(member.memberId()).partitions().entrySet()) {
            PartitionSet partitions = topic.getValue();
            for (int i = 0; i < partitions.size(); i++) {
                int partition = partitions.get(i);
                if (!member.assignedPartitions().contains(topic.getKey(), partition)
                    && owners.currentEpoch(topic.getKey(), partition) == -1) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- LeaveGroup ----------------------------------------------------------------------------------------

    /** LeaveGroup by member id, or by instance id with an empty member id (admin removal of a static member). */
    Result<CoordinatorRecord, LeaveGroupResponseData> leave(LeaveGroupRequestData request, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        ConsumerGroup group;
        try {
            group = existingGroup(request.groupId());
        } catch (ApiException e) {
            return Result.of(new LeaveGroupResponseData().setErrorCode(Errors.forException(e).code()));
        }
        List<String> leaving = new ArrayList<>();
        List<LeaveGroupResponseData.MemberResponse> responses = new ArrayList<>();
        for (LeaveGroupRequestData.MemberIdentity identity : request.members()) {
            Errors error = Errors.NONE;
            try {
                String memberId = leavingMemberId(group, identity);
                if (!leaving.contains(memberId)) {
                    leaving.add(memberId);
                }
            } catch (ApiException e) {
                error = Errors.forException(e);
            }
            responses.add(new LeaveGroupResponseData.MemberResponse()
                .setMemberId(identity.memberId())
                .setGroupInstanceId(identity.groupInstanceId())
                .setErrorCode(error.code()));
        }
        if (!leaving.isEmpty()) {
            LOGGER.atInfo().addKeyValue("groupId", group.groupId()).addKeyValue("memberIds", leaving)
                .log("Members left the consumer group with LeaveGroup");
            timers.remove(group, leaving, out, nowMs);
        }
        return out.reply(new LeaveGroupResponseData().setErrorCode(Errors.NONE.code()).setMembers(responses));
    }

    private static String leavingMemberId(ConsumerGroup group, LeaveGroupRequestData.MemberIdentity identity) {
        String instanceId = identity.groupInstanceId();
        if (identity.memberId().isEmpty() && instanceId != null) {
            return group.staticMemberId(instanceId).orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
        }
        ConsumerGroupMember member = group.member(identity.memberId())
            .orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
        throwIfInstanceIsFenced(group, member, instanceId);
        return member.memberId();
    }

    // ---- validation ----------------------------------------------------------------------------------------

    private ConsumerGroup existingGroup(String groupId) {
        return groups.get(groupId, ConsumerGroup.class).orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
    }

    /** The member must exist and speak the classic protocol (a consumer-protocol member id is unknown here). */
    private static ConsumerGroupMember classicMember(ConsumerGroup group, String memberId, String instanceId) {
        ConsumerGroupMember member = group.member(memberId)
            .filter(ConsumerGroupMember::usesClassicProtocol)
            .orElseThrow(Errors.UNKNOWN_MEMBER_ID::exception);
        throwIfInstanceIsFenced(group, member, instanceId);
        return member;
    }

    private static void throwIfInstanceIsFenced(ConsumerGroup group, ConsumerGroupMember member, String instanceId) {
        if (instanceId != null && !group.staticMemberId(instanceId).orElse("").equals(member.memberId())) {
            throw Errors.FENCED_INSTANCE_ID.exception();
        }
    }

    private static void throwIfGenerationIsIllegal(ConsumerGroupMember member, int generationId) {
        if (generationId != member.memberEpoch()) {
            throw Errors.ILLEGAL_GENERATION.exception();
        }
    }

    private static int sessionTimeoutOf(ConsumerGroupMember member) {
        return member.classicMemberMetadata().orElseThrow().sessionTimeoutMs();
    }
}
