package dev.handoff.coordinator.consumer;

import java.util.Optional;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.record.ConsumerCurrentAssignmentRecord;
import dev.handoff.coordinator.record.ConsumerGroupMetadataRecord;
import dev.handoff.coordinator.record.ConsumerMemberMetadataRecord;
import dev.handoff.coordinator.record.ConsumerTargetAssignmentMemberRecord;
import dev.handoff.coordinator.record.ConsumerTargetAssignmentMetadataRecord;
import dev.handoff.coordinator.record.CoordinatorRecord;

/**
 * Applies consumer group records to the registry: the only way consumer groups change, both for new records and
 * when the log is loaded (Kafka's {@code GroupMetadataManager#replay} overloads). A record for a group that does not
 * exist creates it; a tombstone never does, and it only ever touches a consumer group (another group type may
 * already have taken over the id, spec §17).
 */
final class ConsumerGroupReplayer {

    private final GroupRegistry groups;
    private final SubscriptionResolver topics;

    ConsumerGroupReplayer(GroupRegistry groups, SubscriptionResolver topics) {
        this.groups = groups;
        this.topics = topics;
    }

    void replay(CoordinatorRecord record) {
        switch (record.type()) {
            case CONSUMER_GROUP_METADATA -> replayGroup((ConsumerGroupMetadataRecord) record);
            case CONSUMER_GROUP_MEMBER_METADATA -> replayMember((ConsumerMemberMetadataRecord) record);
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA ->
                replayAssignmentEpoch((ConsumerTargetAssignmentMetadataRecord) record);
            case CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER ->
                replayTargetAssignment((ConsumerTargetAssignmentMemberRecord) record);
            case CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT ->
                replayCurrentAssignment((ConsumerCurrentAssignmentRecord) record);
            default -> throw new IllegalArgumentException("Not a consumer group record: " + record.type());
        }
    }

    private void replayGroup(ConsumerGroupMetadataRecord record) {
        if (record.isTombstone()) {
            existing(record.groupId()).ifPresent(group -> groups.remove(group.groupId()));
        } else {
            getOrCreate(record.groupId()).applyGroupEpoch(record.value().epoch(), record.value().metadataHash());
        }
    }

    private void replayMember(ConsumerMemberMetadataRecord record) {
        if (record.isTombstone()) {
            existing(record.groupId()).ifPresent(group -> group.removeMember(record.memberId()));
            return;
        }
        ConsumerGroup group = getOrCreate(record.groupId());
        ConsumerGroupMember member = group.member(record.memberId())
            .orElseGet(() -> ConsumerGroupMember.builder(record.memberId()).build());
        group.applyMember(ConsumerGroupRecords.withMetadata(member, record.value()));
    }

    private void replayAssignmentEpoch(ConsumerTargetAssignmentMetadataRecord record) {
        if (!record.isTombstone()) {
            getOrCreate(record.groupId()).applyAssignmentEpoch(record.value().assignmentEpoch(),
                record.value().assignedAtMs());
        }
    }

    private void replayTargetAssignment(ConsumerTargetAssignmentMemberRecord record) {
        if (record.isTombstone()) {
            existing(record.groupId()).ifPresent(group -> group.applyTargetAssignment(record.memberId(), null));
        } else {
            getOrCreate(record.groupId()).applyTargetAssignment(record.memberId(),
                ConsumerGroupRecords.assignment(record.topics()));
        }
    }

    private void replayCurrentAssignment(ConsumerCurrentAssignmentRecord record) {
        if (record.isTombstone()) {
            existing(record.groupId()).flatMap(group -> group.member(record.memberId())).ifPresent(member ->
                existing(record.groupId()).orElseThrow().applyMember(member.toBuilder()
                    .memberEpoch(0).previousMemberEpoch(0).state(MemberState.STABLE)
                    .assignedPartitions(PartitionEpochs.EMPTY).partitionsPendingRevocation(PartitionEpochs.EMPTY)
                    .build()));
            return;
        }
        ConsumerGroup group = getOrCreate(record.groupId());
        ConsumerGroupMember member = group.member(record.memberId())
            .orElseGet(() -> ConsumerGroupMember.builder(record.memberId()).build());
        group.applyMember(ConsumerGroupRecords.withCurrentAssignment(member, record.value()));
    }

    private Optional<ConsumerGroup> existing(String groupId) {
        return groups.get(groupId, ConsumerGroup.class);
    }

    private ConsumerGroup getOrCreate(String groupId) {
        Optional<Group> group = groups.get(groupId);
        if (group.isPresent() && group.get() instanceof ConsumerGroup consumer) {
            return consumer;
        }
        ConsumerGroup created = new ConsumerGroup(groupId, topics);
        groups.put(created);
        return created;
    }
}
