package dev.handoff.coordinator.record;

import java.util.List;

/**
 * Where a consumer group member stands in its reconciliation (Kafka's
 * {@code ConsumerGroupCurrentMemberAssignmentValue}).
 *
 * @param memberEpoch                 the epoch the member reconciled to (-2 for a static member away)
 * @param previousMemberEpoch         the epoch before it
 * @param state                       the {@code MemberState} byte
 * @param assignedPartitions          partitions the member may own, with their assignment epochs
 * @param partitionsPendingRevocation partitions the member must give up, with their assignment epochs
 */
public record ConsumerCurrentAssignmentValue(int memberEpoch, int previousMemberEpoch, byte state,
                                             List<TopicPartitionEpochsValue> assignedPartitions,
                                             List<TopicPartitionEpochsValue> partitionsPendingRevocation) {

    public ConsumerCurrentAssignmentValue {
        assignedPartitions = List.copyOf(assignedPartitions);
        partitionsPendingRevocation = List.copyOf(partitionsPendingRevocation);
    }
}
