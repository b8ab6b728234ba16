package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionAssignorException;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.IdGenerator;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.FencedMemberEpochException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupMaxSizeReachedException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.common.errors.UnreleasedInstanceIdException;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.handoff.coordinator.consumer.HeartbeatRequestValidator.JOIN_EPOCH;
import static dev.handoff.coordinator.consumer.HeartbeatRequestValidator.LEAVE_EPOCH;
import static dev.handoff.coordinator.consumer.HeartbeatRequestValidator.STATIC_LEAVE_EPOCH;
import static dev.handoff.coordinator.consumer.HeartbeatRequestValidator.UNCHANGED_TIMEOUT;

/**
 * ConsumerGroupHeartbeat v0-v1 (KIP-848; spec §2-§12): join, heartbeat, acknowledge, leave. Computes against the
 * current state without changing it and returns the records; timers are the only in-memory side effect, armed
 * after every check passed.
 */
final class ConsumerGroupHeartbeatHandler {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConsumerGroupHeartbeatHandler.class);

    private final GroupRegistry groups;
    private final GroupCoordinatorConfig config;
    private final SubscriptionResolver topics;
    private final ServerAssignors assignors;
    private final ConsumerGroupTimers timers;
    private final ClassicGroupUpgrade upgrades;
    private final TargetAssignmentUpdater targetUpdater;
    private final IdGenerator ids;
    private final HeartbeatIntervalPolicy intervals;
    private final AssignmentSchedule schedule;

    ConsumerGroupHeartbeatHandler(GroupRegistry groups, GroupCoordinatorConfig config, SubscriptionResolver topics,
                                  ServerAssignors assignors, ConsumerGroupTimers timers,
                                  ClassicGroupUpgrade upgrades, IdGenerator ids) {
        this.groups = groups;
        this.config = config;
        this.topics = topics;
        this.assignors = assignors;
        this.timers = timers;
        this.upgrades = upgrades;
        this.targetUpdater = new TargetAssignmentUpdater(topics);
        this.ids = ids;
        this.intervals = new HeartbeatIntervalPolicy(config);
        this.schedule = new AssignmentSchedule(config);
    }

    Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> heartbeat(
        RequestContext context, ConsumerGroupHeartbeatRequestData request, long nowMs) {
        try {
            HeartbeatRequestValidator.validate(request, context.apiVersion(), assignors);
            return switch (request.memberEpoch()) {
                case LEAVE_EPOCH -> leave(request, nowMs);
                case STATIC_LEAVE_EPOCH -> staticLeave(request);
                default -> joinOrHeartbeat(context, request, nowMs);
            };
        } catch (ApiException e) {
            return Result.of(error(Errors.forException(e), e.getMessage()));
        } catch (PartitionAssignorException e) {
            LOGGER.atError().addKeyValue("groupId", request.groupId()).setCause(e).log("Server assignor failed");
            return Result.of(error(Errors.UNKNOWN_SERVER_ERROR, "The server assignor failed: " + e.getMessage()));
        }
    }

    private static ConsumerGroupHeartbeatResponseData error(Errors error, String message) {
        return new ConsumerGroupHeartbeatResponseData().setErrorCode(error.code()).setErrorMessage(message);
    }

    // ---- join and heartbeat (epoch >= 0) -------------------------------------------------------------------

    private Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> joinOrHeartbeat(
        RequestContext context, ConsumerGroupHeartbeatRequestData request, long nowMs) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        String groupId = request.groupId();
        // v0 only: a member joining without id gets one from the coordinator (v1+ clients bring their own).
        String memberId = request.memberId().isEmpty() ? ids.newMemberId(context.clientId()) : request.memberId();
        // A join of a non-empty classic group upgrades it first (spec §17); the join then runs on the result.
        Optional<ClassicGroupUpgrade.Conversion> upgrade = request.memberEpoch() == JOIN_EPOCH
            ? upgrades.convert(groupId) : Optional.empty();
        upgrade.ifPresent(conversion -> out.records(conversion.records()));
        Optional<ConsumerGroup> existingGroup = upgrade.isPresent()
            ? Optional.of(upgrade.get().group()) : consumerGroupFor(request, out);
        boolean newGroup = existingGroup.isEmpty();
        ConsumerGroup group = existingGroup.orElseGet(() -> new ConsumerGroup(groupId, topics));
        throwIfGroupIsFull(group, memberId, request.instanceId());

        // 1. Find (or create, or take over) the member, apply the request to it and maybe bump the group epoch.
        //    The group counts subscriptions and assignor votes per member, so this costs O(the member's topics);
        //    the metadata hash is recomputed only when a topic gains its first or loses its last subscriber.
        MemberLookup lookup = lookUpMember(group, request, memberId, out);
        ConsumerGroupMember member = lookup.member();
        ConsumerGroupMember updated = applyRequest(member, request, context);
        GroupAfterHeartbeat after = new GroupAfterHeartbeat(group, lookup.replaced(), updated);
        boolean subscriptionChanged = !updated.subscribedTopicNames().equals(member.subscribedTopicNames())
            || !updated.subscribedTopicRegex().equals(member.subscribedTopicRegex());
        if (lookup.isNew() || !ConsumerGroupRecords.sameMetadata(updated, member)) {
            out.record(ConsumerGroupRecords.memberRecord(groupId, updated));
        }
        boolean assignorChanged = (lookup.isNew() || !updated.serverAssignorName().equals(member.serverAssignorName()))
            && assignors.effective(group.assignorVotes()) != assignors.effective(after.assignorVotes());
        // Null when the union of the subscribed topics stays the group's: its hash and partition count are cached.
        SortedSet<String> subscribedTopics = lookup.isNew() || subscriptionChanged
            ? after.subscribedTopicNames().orElse(null) : null;
        long metadataHash = subscribedTopics != null
            ? topics.metadataHash(subscribedTopics) : group.subscribedMetadataHash();
        int groupEpoch = group.groupEpoch();
        if (newGroup || subscriptionChanged || metadataHash != group.metadataHash() || assignorChanged) {
            groupEpoch++;
            out.record(Records.consumerGroupEpoch(groupId, groupEpoch, metadataHash));
            LOGGER.atDebug().addKeyValue("groupId", groupId).addKeyValue("memberId", memberId)
                .addKeyValue("groupEpoch", groupEpoch).log("Bumped the consumer group epoch");
        }

        // 2. Recompute the target assignment when the group epoch is ahead of it and the assignment schedule allows
        //    (group.consumer.assignment.interval.ms, KIP-1263); otherwise the member keeps its current target.
        int assignmentEpoch = group.assignmentEpoch();
        long assignedAtMs = group.assignedAtMs();
        MemberAssignment memberTarget = after.targetAssignment(memberId);
        if (groupEpoch > assignmentEpoch && schedule.assignsNow(group, subscribedTopics != null
            ? topics.partitionCount(subscribedTopics) : group.subscribedPartitionCount(), nowMs)) {
            TargetAssignmentUpdater.Update update = targetUpdater.compute(groupId, after.members(), after.target(),
                groupEpoch, assignors.effective(after.assignorVotes()), nowMs);
            out.records(update.records());
            memberTarget = update.target().getOrDefault(memberId, MemberAssignment.EMPTY);
            assignmentEpoch = groupEpoch;
            assignedAtMs = nowMs;
        }

        // 3. Reconcile the member towards its target assignment.
        ConsumerGroupMember reconciled = new CurrentAssignmentBuilder(updated)
            .withTargetAssignment(assignmentEpoch, memberTarget.partitions())
            .withCurrentPartitionEpoch(group.partitionOwners())
            .withOwnedPartitions(ownedPartitions(request))
            .withSubscribedTopicIds(topics.topicIds(updated))
            .withSubscriptionChanged(subscriptionChanged)
            .build();
        if (lookup.isNew() || !ConsumerGroupRecords.sameCurrentAssignment(reconciled, member)) {
            out.record(ConsumerGroupRecords.currentAssignmentRecord(groupId, reconciled));
        }

        lookup.replaced().ifPresent(old -> timers.cancelAll(groupId, old));
        armTimers(groupId, member, reconciled, nowMs);
        upgrade.ifPresent(conversion -> upgrades.complete(conversion, out, nowMs));
        ConsumerGroupHeartbeatResponseData response = new ConsumerGroupHeartbeatResponseData()
            .setMemberId(memberId)
            .setMemberEpoch(reconciled.memberEpoch())
            .setHeartbeatIntervalMs(intervals.intervalMs(reconciled, new HeartbeatIntervalPolicy.GroupMotion(
                after.size(), groupEpoch, assignmentEpoch, assignedAtMs), nowMs));
        if (request.memberEpoch() == JOIN_EPOCH || isFullRequest(request)
            || !reconciled.assignedPartitions().equals(member.assignedPartitions())) {
            response.setAssignment(assignment(reconciled));
        }
        return out.reply(response);
    }

    /**
     * The consumer group of the request; empty if it must be created. An empty group of another type (a classic
     * group, or a simple group holding offsets) is converted by a join (spec §6; its offsets survive).
     */
    private Optional<ConsumerGroup> consumerGroupFor(ConsumerGroupHeartbeatRequestData request,
                                                     ResultBuilder<CoordinatorRecord> out) {
        Optional<Group> group = groups.get(request.groupId());
        if (group.isEmpty()) {
            if (request.memberEpoch() != JOIN_EPOCH) {
                throw new GroupIdNotFoundException("Consumer group " + request.groupId() + " not found.");
            }
            return Optional.empty();
        }
        if (group.get() instanceof ConsumerGroup consumer) {
            return Optional.of(consumer);
        }
        if (group.get().type() == GroupType.CLASSIC && group.get().isEmpty()
            && request.memberEpoch() == JOIN_EPOCH) {
            LOGGER.atInfo().addKeyValue("groupId", request.groupId())
                .log("Converting the empty classic group to a consumer group");
            out.records(group.get().deletionRecords());
            return Optional.empty();
        }
        throw new GroupIdNotFoundException("Group " + request.groupId() + " is not a consumer group.");
    }

    /** {@code group.consumer.max.size}: only members that would be new count against it (spec §6). */
    private void throwIfGroupIsFull(ConsumerGroup group, String memberId, String instanceId) {
        boolean known = group.member(memberId).isPresent()
            || instanceId != null && group.staticMemberId(instanceId).isPresent();
        if (!known && group.size() >= config.consumerGroupMaxSize()) {
            throw new GroupMaxSizeReachedException("The consumer group has reached its maximum size of "
                + config.consumerGroupMaxSize() + ".");
        }
    }

    /**
     * The member a join or heartbeat is for.
     *
     * @param member   the member as it is now (for a new member: an empty one)
     * @param isNew    true if the member is not in the group yet (its records must all be written)
     * @param replaced the member id of a static member this one replaces
     */
    private record MemberLookup(ConsumerGroupMember member, boolean isNew, Optional<String> replaced) {
    }

    private MemberLookup lookUpMember(ConsumerGroup group, ConsumerGroupHeartbeatRequestData request,
                                      String memberId, ResultBuilder<CoordinatorRecord> out) {
        String instanceId = request.instanceId();
        Optional<ConsumerGroupMember> existing = group.member(memberId);
        if (instanceId == null || request.memberEpoch() != JOIN_EPOCH) {
            if (instanceId != null) {
                throwIfStaticMemberIsUnknownOrFenced(group, instanceId, memberId);
            }
            if (request.memberEpoch() == JOIN_EPOCH) {
                return existing.map(m -> new MemberLookup(m, false, Optional.<String>empty()))
                    .orElseGet(() -> newMember(memberId));
            }
            ConsumerGroupMember member = existing.orElseThrow(() -> new UnknownMemberIdException("Member "
                + memberId + " is not a member of group " + group.groupId() + "."));
            throwIfEpochIsInvalid(member, request);
            return new MemberLookup(member, false, Optional.empty());
        }
        // A static member (re)joins (spec §9).
        Optional<String> registered = group.staticMemberId(instanceId);
        if (registered.isEmpty() || registered.get().equals(memberId)) {
            // Handoff decision 2: the same member id rejoining keeps its assignment like any epoch-0 rejoin.
            return existing.map(m -> new MemberLookup(m, false, Optional.<String>empty()))
                .orElseGet(() -> newMember(memberId));
        }
        ConsumerGroupMember old = group.member(registered.get()).orElseThrow();
        // A classic static member never leaves with epoch -2: a consumer member with its instance id replaces it
        // directly, which is how static members move to the consumer protocol one by one (spec §17).
        if (old.memberEpoch() != STATIC_LEAVE_EPOCH && !old.usesClassicProtocol()) {
            throw new UnreleasedInstanceIdException("Static member " + old.memberId() + " with instance id "
                + instanceId + " is still a member of group " + group.groupId() + "; it must leave first.");
        }
        // The new member takes over the old one's subscription and partitions, without a group epoch bump.
        out.records(List.of(
            Records.consumerCurrentAssignmentTombstone(group.groupId(), old.memberId()),
            Records.consumerTargetAssignmentTombstone(group.groupId(), old.memberId()),
            Records.consumerMemberTombstone(group.groupId(), old.memberId())));
        ConsumerGroupMember takeover = copyAs(old, memberId);
        out.record(ConsumerGroupRecords.targetAssignmentRecord(group.groupId(), memberId,
            group.targetAssignment(old.memberId())));
        LOGGER.atInfo().addKeyValue("groupId", group.groupId()).addKeyValue("memberId", memberId)
            .addKeyValue("replacedMemberId", old.memberId()).log("Static member replaced");
        return new MemberLookup(takeover, true, Optional.of(old.memberId()));
    }

    private static MemberLookup newMember(String memberId) {
        return new MemberLookup(ConsumerGroupMember.builder(memberId).build(), true, Optional.empty());
    }

    private static ConsumerGroupMember copyAs(ConsumerGroupMember old, String memberId) {
        return ConsumerGroupMember.builder(memberId)
            .instanceId(old.instanceId().orElse(null))
            .rackId(old.rackId().orElse(null))
            .clientId(old.clientId())
            .clientHost(old.clientHost())
            .subscribedTopicNames(old.subscribedTopicNames())
            .subscribedTopicRegex(old.subscribedTopicRegex().orElse(null))
            .serverAssignorName(old.serverAssignorName().orElse(null))
            .rebalanceTimeoutMs(old.rebalanceTimeoutMs())
            .state(old.state())
            .assignedPartitions(old.assignedPartitions())
            .build();
    }

    private static void throwIfStaticMemberIsUnknownOrFenced(ConsumerGroup group, String instanceId,
                                                             String memberId) {
        String registered = group.staticMemberId(instanceId).orElseThrow(() -> new UnknownMemberIdException(
            "Instance id " + instanceId + " is unknown in group " + group.groupId() + "."));
        if (!registered.equals(memberId)) {
            throw new FencedInstanceIdException("Instance id " + instanceId + " belongs to another member of group "
                + group.groupId() + ".");
        }
    }

    /**
     * Spec §7: a higher epoch is fenced; a lower one is accepted only if it is the previous epoch and the member
     * reports a subset of its partitions (the response carrying the new epoch was lost).
     */
    private static void throwIfEpochIsInvalid(ConsumerGroupMember member, ConsumerGroupHeartbeatRequestData request) {
        int epoch = request.memberEpoch();
        if (epoch > member.memberEpoch()) {
            throw new FencedMemberEpochException("The consumer group member has a greater member epoch (" + epoch
                + ") than the one known by the group coordinator (" + member.memberEpoch() + ").");
        }
        if (epoch < member.memberEpoch()
            && (epoch != member.previousMemberEpoch() || !ownsSubsetOfAssigned(member, request))) {
            throw new FencedMemberEpochException("The consumer group member has a smaller member epoch (" + epoch
                + ") than the one known by the group coordinator (" + member.memberEpoch() + ").");
        }
    }

    private static boolean ownsSubsetOfAssigned(ConsumerGroupMember member,
                                                ConsumerGroupHeartbeatRequestData request) {
        if (request.topicPartitions() == null) {
            return false;
        }
        for (ConsumerGroupHeartbeatRequestData.TopicPartitions topic : request.topicPartitions()) {
            for (int partition : topic.partitions()) {
                if (!member.assignedPartitions().contains(topic.topicId(), partition)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Spec §2: a null field means "unchanged"; an empty regex removes the regex. */
    private static ConsumerGroupMember applyRequest(ConsumerGroupMember member,
                                                    ConsumerGroupHeartbeatRequestData request,
                                                    RequestContext context) {
        ConsumerGroupMember.Builder builder = member.toBuilder()
            .clientId(context.clientId())
            .clientHost(context.clientHost());
        if (request.instanceId() != null) {
            builder.instanceId(request.instanceId());
        }
        if (request.rackId() != null) {
            builder.rackId(request.rackId());
        }
        if (request.rebalanceTimeoutMs() != UNCHANGED_TIMEOUT) {
            builder.rebalanceTimeoutMs(request.rebalanceTimeoutMs());
        }
        if (request.subscribedTopicNames() != null) {
            builder.subscribedTopicNames(request.subscribedTopicNames());
        }
        String regex = request.subscribedTopicRegex();
        if (regex != null) {
            if (!regex.isEmpty() && !Optional.of(regex).equals(member.subscribedTopicRegex())) {
                SubscriptionResolver.validateRegex(regex);
            }
            builder.subscribedTopicRegex(regex.isEmpty() ? null : regex);
        }
        if (request.serverAssignor() != null) {
            builder.serverAssignorName(request.serverAssignor());
        }
        return builder.build();
    }

    /** The TopicPartitions the member reports owning; null when the field was not sent ("unchanged"). */
    private static Map<Uuid, PartitionSet> ownedPartitions(ConsumerGroupHeartbeatRequestData request) {
        if (request.topicPartitions() == null) {
            return null;
        }
        Map<Uuid, PartitionSet> owned = new TreeMap<>();
        request.topicPartitions().forEach(topic -> owned.put(topic.topicId(), PartitionSet.of(topic.partitions())));
        return owned;
    }

    /** Spec §6 step 10: a request carrying every field makes the coordinator send the assignment again. */
    private static boolean isFullRequest(ConsumerGroupHeartbeatRequestData request) {
        return request.rebalanceTimeoutMs() != UNCHANGED_TIMEOUT
            && (request.subscribedTopicNames() != null || request.subscribedTopicRegex() != null)
            && request.topicPartitions() != null;
    }

    /** Rebalance timer while the member must revoke (restarted when what it must revoke changes); session always. */
    private void armTimers(String groupId, ConsumerGroupMember before, ConsumerGroupMember after, long nowMs) {
        String memberId = after.memberId();
        if (after.state() == MemberState.UNREVOKED_PARTITIONS) {
            boolean newRevocation = before.state() != MemberState.UNREVOKED_PARTITIONS
                || !before.memberId().equals(memberId)
                || before.memberEpoch() != after.memberEpoch()
                || !before.partitionsPendingRevocation().equals(after.partitionsPendingRevocation());
            if (newRevocation || !timers.isRebalanceScheduled(groupId, memberId)) {
                timers.scheduleRebalance(groupId, memberId, after.memberEpoch(), nowMs, after.rebalanceTimeoutMs());
            }
        } else {
            timers.cancelRebalance(groupId, memberId);
        }
        timers.scheduleSession(groupId, memberId, nowMs, config.consumerGroupSessionTimeoutMs());
    }

    private static ConsumerGroupHeartbeatResponseData.Assignment assignment(ConsumerGroupMember member) {
        List<ConsumerGroupHeartbeatResponseData.TopicPartitions> topicPartitions = new ArrayList<>();
        member.assignedPartitions().epochs().forEach((topicId, partitions) ->
            topicPartitions.add(new ConsumerGroupHeartbeatResponseData.TopicPartitions()
                .setTopicId(topicId)
                .setPartitions(List.copyOf(partitions.keySet()))));
        return new ConsumerGroupHeartbeatResponseData.Assignment().setTopicPartitions(topicPartitions);
    }

    // ---- leave (epoch -1 and -2) ---------------------------------------------------------------------------

    /** Epoch -1: the member leaves for good; its partitions are freed and the group epoch bumps (spec §9). */
    private Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> leave(
        ConsumerGroupHeartbeatRequestData request, long nowMs) {
        ConsumerGroup group = existingConsumerGroup(request.groupId());
        String memberId = request.memberId();
        if (request.instanceId() != null) {
            throwIfStaticMemberIsUnknownOrFenced(group, request.instanceId(), memberId);
        }
        if (group.member(memberId).isEmpty()) {
            throw new UnknownMemberIdException("Member " + memberId + " is not a member of group "
                + group.groupId() + ".");
        }
        LOGGER.atInfo().addKeyValue("groupId", group.groupId()).addKeyValue("memberId", memberId)
            .log("Member left the consumer group");
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        timers.remove(group, List.of(memberId), out, nowMs);
        return out.reply(new ConsumerGroupHeartbeatResponseData()
            .setMemberId(memberId)
            .setMemberEpoch(LEAVE_EPOCH));
    }

    /**
     * Epoch -2: a static member goes away for a while. It keeps its partitions (their assignment epochs reset)
     * and no epoch bump happens; its session timer keeps running (spec §9).
     */
    private Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> staticLeave(
        ConsumerGroupHeartbeatRequestData request) {
        ConsumerGroup group = existingConsumerGroup(request.groupId());
        String memberId = request.memberId();
        throwIfStaticMemberIsUnknownOrFenced(group, request.instanceId(), memberId);
        ConsumerGroupMember member = group.member(memberId).orElseThrow();
        PartitionEpochs.Builder kept = new PartitionEpochs.Builder();
        member.assignedPartitions().epochs().forEach((topicId, partitions) ->
            partitions.keySet().forEach(p -> kept.put(topicId, p, 0)));
        ConsumerGroupMember away = member.toBuilder()
            .previousMemberEpoch(member.memberEpoch())
            .memberEpoch(STATIC_LEAVE_EPOCH)
            .assignedPartitions(kept.build())
            .partitionsPendingRevocation(PartitionEpochs.EMPTY)
            .build();
        timers.cancelRebalance(group.groupId(), memberId);
        return Result.of(List.of(ConsumerGroupRecords.currentAssignmentRecord(group.groupId(), away)),
            new ConsumerGroupHeartbeatResponseData()
                .setMemberId(memberId)
                .setMemberEpoch(STATIC_LEAVE_EPOCH));
    }

    private ConsumerGroup existingConsumerGroup(String groupId) {
        return groups.get(groupId, ConsumerGroup.class).orElseThrow(() ->
            new GroupIdNotFoundException("Consumer group " + groupId + " not found."));
    }
}
