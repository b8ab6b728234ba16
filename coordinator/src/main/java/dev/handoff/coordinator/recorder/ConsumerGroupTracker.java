package dev.handoff.coordinator.recorder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.consumer.ConsumerGroup;
import dev.handoff.coordinator.consumer.ConsumerGroupMember;
import dev.handoff.coordinator.consumer.ServerAssignors;
import dev.handoff.coordinator.record.ConsumerCurrentAssignmentRecord;
import dev.handoff.coordinator.record.ConsumerCurrentAssignmentValue;
import dev.handoff.coordinator.record.ConsumerGroupMetadataRecord;
import dev.handoff.coordinator.record.ConsumerMemberMetadataRecord;
import dev.handoff.coordinator.record.ConsumerTargetAssignmentMemberRecord;
import dev.handoff.coordinator.record.ConsumerTargetAssignmentMetadataRecord;
import dev.handoff.coordinator.record.CoordinatorRecord;

/**
 * Turns KIP-848 consumer group records into events by comparing each record with the group as it is just before
 * the record applies. The only state of its own is what records forget: since when a partition has been on its way
 * to a new owner, and since when a member has been revoking.
 */
final class ConsumerGroupTracker {

    /** KIP-848: a static member that left temporarily has member epoch -2. */
    private static final int STATIC_LEAVE_EPOCH = -2;

    /** A partition on its way: who gave it up and since when. */
    private record Release(String fromMemberId, long sinceMs) {
    }

    /** Per group: partitions in flight, and members revoking since when. */
    private static final class InFlight {
        final Map<PartitionRef, Release> releases = new HashMap<>();
        final Map<String, Long> revokingSinceMs = new HashMap<>();
    }

    private final FlightRecorder recorder;
    private final ServerAssignors assignors;
    private final Map<String, InFlight> inFlight = new HashMap<>();

    ConsumerGroupTracker(FlightRecorder recorder, ServerAssignors assignors) {
        this.recorder = recorder;
        this.assignors = assignors;
    }

    void onRecord(CoordinatorRecord record, OperationContext context, GroupRegistry groups) {
        switch (record.type()) {
            case CONSUMER_GROUP_METADATA -> onGroupEpoch((ConsumerGroupMetadataRecord) record, context, groups);
            case CONSUMER_GROUP_MEMBER_METADATA -> onMember((ConsumerMemberMetadataRecord) record, context, groups);
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER ->
                onTargetMember((ConsumerTargetAssignmentMemberRecord) record, context, groups);
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA ->
                onTargetEpoch((ConsumerTargetAssignmentMetadataRecord) record, context, groups);
            case CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT ->
                onCurrentAssignment((ConsumerCurrentAssignmentRecord) record, context, groups);
            case OFFSET_COMMIT, CLASSIC_GROUP_METADATA -> {
                // offsets are no rebalance events; classic groups are observed after their operations
            }
        }
    }

    private void onGroupEpoch(ConsumerGroupMetadataRecord record, OperationContext context, GroupRegistry groups) {
        String groupId = record.groupId();
        Optional<ConsumerGroup> group = groups.get(groupId, ConsumerGroup.class);
        if (record.isTombstone()) {
            if (group.isPresent()) {
                inFlight.remove(groupId);
                recorder.event(context, groupId, EventType.GROUP_DELETED, Cause.GROUP_DELETED).emit();
            }
            return;
        }
        int before = group.map(ConsumerGroup::groupEpoch).orElse(0);
        int epoch = record.value().epoch();
        if (epoch > before) {
            recorder.event(context, groupId, EventType.GROUP_EPOCH_BUMPED, epochCause(context))
                .epoch(epoch)
                .emit();
        }
    }

    private static Cause epochCause(OperationContext context) {
        if (context.membershipChange != null) {
            return context.membershipChange;
        }
        return switch (context.trigger.kind()) {
            case TOPICS_CHANGED -> Cause.TOPICS_CHANGED;
            case CONSUMER_HEARTBEAT -> Cause.ASSIGNOR_CHANGED;
            default -> Cause.UNKNOWN;
        };
    }

    private void onMember(ConsumerMemberMetadataRecord record, OperationContext context, GroupRegistry groups) {
        String groupId = record.groupId();
        Optional<ConsumerGroupMember> member = groups.get(groupId, ConsumerGroup.class)
            .flatMap(g -> g.member(record.memberId()));
        if (record.isTombstone()) {
            if (member.isPresent()) {
                Cause cause = context.removalCause();
                context.membershipChange = cause;
                inFlight(groupId).revokingSinceMs.remove(record.memberId());
                recorder.event(context, groupId,
                        context.removalIsFencing() ? EventType.MEMBER_FENCED : EventType.MEMBER_LEFT, cause)
                    .member(record.memberId())
                    .epoch(member.get().memberEpoch())
                    .emit();
            }
            return;
        }
        if (member.isEmpty()) {
            context.membershipChange = Cause.JOIN;
            recorder.event(context, groupId, EventType.MEMBER_JOINED, Cause.JOIN)
                .member(record.memberId())
                .detail(clientOf(record))
                .emit();
        } else if (!member.get().subscribedTopicNames().equals(new TreeSet<>(record.value().subscribedTopicNames()))
            || !member.get().subscribedTopicRegex().equals(Optional.ofNullable(record.value().subscribedTopicRegex()))) {
            context.membershipChange = Cause.SUBSCRIPTION_CHANGED;
        }
    }

    private static String clientOf(ConsumerMemberMetadataRecord record) {
        String instance = record.value().instanceId() == null ? "" : " instance " + record.value().instanceId();
        return record.value().clientId() + " @ " + record.value().clientHost() + instance;
    }

    private void onTargetMember(ConsumerTargetAssignmentMemberRecord record, OperationContext context,
                                GroupRegistry groups) {
        if (record.isTombstone()) {
            return;
        }
        MemberAssignment before = groups.get(record.groupId(), ConsumerGroup.class)
            .filter(g -> g.hasTargetAssignment(record.memberId()))
            .map(g -> g.targetAssignment(record.memberId()))
            .orElse(MemberAssignment.EMPTY);
        // Every partition that changes owner is gained by exactly one member's new target.
        context.partitionsMoved += PartitionSets.minus(PartitionSets.ofTopics(record.topics()),
            PartitionSets.of(before)).size();
    }

    private void onTargetEpoch(ConsumerTargetAssignmentMetadataRecord record, OperationContext context,
                               GroupRegistry groups) {
        Optional<ConsumerGroup> group = groups.get(record.groupId(), ConsumerGroup.class);
        if (record.isTombstone() || group.isEmpty() || group.get().isEmpty()) {
            // The last member left: nothing was computed, the empty target is simply up to date.
            context.partitionsMoved = 0;
            return;
        }
        recorder.event(context, record.groupId(), EventType.TARGET_ASSIGNMENT_COMPUTED, epochCauseOrTrigger(context))
            .epoch(record.value().assignmentEpoch())
            .count(context.partitionsMoved)
            .durationMs(context.durationMs())
            .detail(assignors.effective(group.get().members().values()).name())
            .emit();
        context.partitionsMoved = 0;
    }

    private static Cause epochCauseOrTrigger(OperationContext context) {
        return context.trigger.kind() == Trigger.Kind.TOPICS_CHANGED ? Cause.TOPICS_CHANGED : Cause.RECONCILIATION;
    }

    private void onCurrentAssignment(ConsumerCurrentAssignmentRecord record, OperationContext context,
                                     GroupRegistry groups) {
        String groupId = record.groupId();
        String memberId = record.memberId();
        Optional<ConsumerGroupMember> member = groups.get(groupId, ConsumerGroup.class)
            .flatMap(g -> g.member(memberId));
        SortedSet<PartitionRef> assignedBefore = member.map(m -> PartitionSets.of(m.assignedPartitions()))
            .orElseGet(TreeSet::new);
        SortedSet<PartitionRef> pendingBefore = member.map(m -> PartitionSets.of(m.partitionsPendingRevocation()))
            .orElseGet(TreeSet::new);
        InFlight flight = inFlight(groupId);
        if (record.isTombstone()) {
            // The member is being removed: whatever it held is free for its next owner from now on.
            assignedBefore.addAll(pendingBefore);
            assignedBefore.forEach(ref -> flight.releases.putIfAbsent(ref, new Release(memberId, context.nowMs)));
            return;
        }
        ConsumerCurrentAssignmentValue value = record.value();
        SortedSet<PartitionRef> assigned = PartitionSets.ofEpochs(value.assignedPartitions());
        SortedSet<PartitionRef> pending = PartitionSets.ofEpochs(value.partitionsPendingRevocation());
        Cause cause = context.membershipChange != null ? context.membershipChange : Cause.RECONCILIATION;
        if (value.memberEpoch() == STATIC_LEAVE_EPOCH && member.map(m -> m.memberEpoch() != STATIC_LEAVE_EPOCH)
            .orElse(false)) {
            recorder.event(context, groupId, EventType.MEMBER_AWAY, Cause.STATIC_LEAVE).member(memberId)
                .partitions(List.copyOf(assigned)).emit();
        }
        List<PartitionRef> revoked = PartitionSets.minus(pendingBefore, pending);
        if (!revoked.isEmpty()) {
            Long since = flight.revokingSinceMs.remove(memberId);
            recorder.event(context, groupId, EventType.REVOCATION_COMPLETED, cause).member(memberId)
                .epoch(value.memberEpoch()).partitions(revoked)
                .durationMs(since == null ? -1 : context.nowMs - since).emit();
        }
        List<PartitionRef> toRevoke = PartitionSets.minus(pending, pendingBefore);
        if (!toRevoke.isEmpty()) {
            flight.revokingSinceMs.putIfAbsent(memberId, context.nowMs);
            toRevoke.forEach(ref -> flight.releases.putIfAbsent(ref, new Release(memberId, context.nowMs)));
            recorder.event(context, groupId, EventType.REVOCATION_REQUESTED, cause).member(memberId)
                .epoch(value.memberEpoch()).partitions(toRevoke).emit();
        }
        List<PartitionRef> gained = PartitionSets.minus(assigned, assignedBefore);
        if (!gained.isEmpty()) {
            recorder.event(context, groupId, EventType.PARTITIONS_ASSIGNED, cause).member(memberId)
                .epoch(value.memberEpoch()).partitions(gained).emit();
            for (PartitionRef ref : gained) {
                Release release = flight.releases.remove(ref);
                if (release != null && !release.fromMemberId().equals(memberId)) {
                    recorder.event(context, groupId, EventType.HANDOFF, cause).member(memberId)
                        .otherMember(release.fromMemberId()).epoch(value.memberEpoch()).partitions(List.of(ref))
                        .durationMs(context.nowMs - release.sinceMs()).emit();
                }
            }
        }
    }

    private InFlight inFlight(String groupId) {
        return inFlight.computeIfAbsent(groupId, id -> new InFlight());
    }
}
