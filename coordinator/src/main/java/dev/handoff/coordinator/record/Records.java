package dev.handoff.coordinator.record;

import java.util.List;

/**
 * Builds every coordinator record; production code and tests share these factories (Kafka's
 * {@code GroupCoordinatorRecordHelpers}).
 */
public final class Records {

    private Records() {
    }

    public static OffsetCommitRecord offsetCommit(String groupId, String topic, int partition,
                                                  OffsetCommitValue value) {
        return new OffsetCommitRecord(groupId, topic, partition, value);
    }

    public static OffsetCommitRecord offsetTombstone(String groupId, String topic, int partition) {
        return new OffsetCommitRecord(groupId, topic, partition, null);
    }

    public static ClassicGroupRecord classicGroup(String groupId, ClassicGroupValue value) {
        return new ClassicGroupRecord(groupId, value);
    }

    public static ClassicGroupRecord classicGroupTombstone(String groupId) {
        return new ClassicGroupRecord(groupId, null);
    }

    public static ConsumerGroupMetadataRecord consumerGroupEpoch(String groupId, int epoch, long metadataHash) {
        return new ConsumerGroupMetadataRecord(groupId, new ConsumerGroupMetadataValue(epoch, metadataHash));
    }

    public static ConsumerGroupMetadataRecord consumerGroupTombstone(String groupId) {
        return new ConsumerGroupMetadataRecord(groupId, null);
    }

    public static ConsumerMemberMetadataRecord consumerMember(String groupId, String memberId,
                                                              ConsumerMemberMetadataValue value) {
        return new ConsumerMemberMetadataRecord(groupId, memberId, value);
    }

    public static ConsumerMemberMetadataRecord consumerMemberTombstone(String groupId, String memberId) {
        return new ConsumerMemberMetadataRecord(groupId, memberId, null);
    }

    public static ConsumerTargetAssignmentMetadataRecord consumerTargetAssignmentEpoch(String groupId, int epoch,
                                                                                       long assignedAtMs) {
        return new ConsumerTargetAssignmentMetadataRecord(groupId,
            new ConsumerTargetAssignmentMetadataValue(epoch, assignedAtMs));
    }

    public static ConsumerTargetAssignmentMetadataRecord consumerTargetAssignmentEpochTombstone(String groupId) {
        return new ConsumerTargetAssignmentMetadataRecord(groupId, null);
    }

    public static ConsumerTargetAssignmentMemberRecord consumerTargetAssignment(String groupId, String memberId,
                                                                                List<TopicPartitionsValue> topics) {
        return new ConsumerTargetAssignmentMemberRecord(groupId, memberId, topics);
    }

    public static ConsumerTargetAssignmentMemberRecord consumerTargetAssignmentTombstone(String groupId,
                                                                                         String memberId) {
        return new ConsumerTargetAssignmentMemberRecord(groupId, memberId, null);
    }

    public static ConsumerCurrentAssignmentRecord consumerCurrentAssignment(String groupId, String memberId,
                                                                            ConsumerCurrentAssignmentValue value) {
        return new ConsumerCurrentAssignmentRecord(groupId, memberId, value);
    }

    public static ConsumerCurrentAssignmentRecord consumerCurrentAssignmentTombstone(String groupId,
                                                                                     String memberId) {
        return new ConsumerCurrentAssignmentRecord(groupId, memberId, null);
    }
}
