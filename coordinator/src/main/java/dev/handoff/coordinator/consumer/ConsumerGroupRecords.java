package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.ConsumerCurrentAssignmentValue;
import dev.handoff.coordinator.record.ConsumerMemberMetadataValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.record.TopicPartitionEpochsValue;
import dev.handoff.coordinator.record.TopicPartitionsValue;
import org.apache.kafka.common.Uuid;

/**
 * Converts consumer group members and assignments to the persisted values and back, so the heartbeat logic and
 * replay agree on one mapping.
 */
public final class ConsumerGroupRecords {

    private ConsumerGroupRecords() {
    }

    public static ConsumerMemberMetadataValue metadataValue(ConsumerGroupMember member) {
        return new ConsumerMemberMetadataValue(member.instanceId().orElse(null), member.rackId().orElse(null),
            member.clientId(), member.clientHost(), List.copyOf(member.subscribedTopicNames()),
            member.subscribedTopicRegex().orElse(null), member.serverAssignorName().orElse(null),
            member.rebalanceTimeoutMs(), member.classicMemberMetadata().orElse(null));
    }

    public static ConsumerCurrentAssignmentValue currentAssignmentValue(ConsumerGroupMember member) {
        return new ConsumerCurrentAssignmentValue(member.memberEpoch(), member.previousMemberEpoch(),
            member.state().value(), epochsValue(member.assignedPartitions()),
            epochsValue(member.partitionsPendingRevocation()));
    }

    /**
     * True if both members persist to the same {@link #metadataValue}; compares the fields without building the
     * values, because every heartbeat asks.
     */
    static boolean sameMetadata(ConsumerGroupMember a, ConsumerGroupMember b) {
        return a.instanceId().equals(b.instanceId())
            && a.rackId().equals(b.rackId())
            && a.clientId().equals(b.clientId())
            && a.clientHost().equals(b.clientHost())
            && a.subscribedTopicNames().equals(b.subscribedTopicNames())
            && a.subscribedTopicRegex().equals(b.subscribedTopicRegex())
            && a.serverAssignorName().equals(b.serverAssignorName())
            && a.rebalanceTimeoutMs() == b.rebalanceTimeoutMs()
            && a.classicMemberMetadata().equals(b.classicMemberMetadata());
    }

    /**
     * True if both members persist to the same {@link #currentAssignmentValue}; compares the fields without
     * building the values, because every heartbeat asks.
     */
    static boolean sameCurrentAssignment(ConsumerGroupMember a, ConsumerGroupMember b) {
        return a.memberEpoch() == b.memberEpoch()
            && a.previousMemberEpoch() == b.previousMemberEpoch()
            && a.state().value() == b.state().value()
            && a.assignedPartitions().equals(b.assignedPartitions())
            && a.partitionsPendingRevocation().equals(b.partitionsPendingRevocation());
    }

    public static CoordinatorRecord memberRecord(String groupId, ConsumerGroupMember member) {
        return Records.consumerMember(groupId, member.memberId(), metadataValue(member));
    }

    public static CoordinatorRecord currentAssignmentRecord(String groupId, ConsumerGroupMember member) {
        return Records.consumerCurrentAssignment(groupId, member.memberId(), currentAssignmentValue(member));
    }

    public static CoordinatorRecord targetAssignmentRecord(String groupId, String memberId,
                                                           MemberAssignment assignment) {
        List<TopicPartitionsValue> topics = new ArrayList<>();
        new TreeMap<>(assignment.partitions()).forEach((topicId, partitions) -> {
            List<Integer> list = new ArrayList<>(partitions.size());
            partitions.forEach(list::add);
            topics.add(new TopicPartitionsValue(topicId, list));
        });
        return Records.consumerTargetAssignment(groupId, memberId, topics);
    }

    /** @return the member with the persisted identity and subscription applied */
    static ConsumerGroupMember withMetadata(ConsumerGroupMember member, ConsumerMemberMetadataValue value) {
        return member.toBuilder()
            .instanceId(value.instanceId())
            .rackId(value.rackId())
            .clientId(value.clientId())
            .clientHost(value.clientHost())
            .subscribedTopicNames(value.subscribedTopicNames())
            .subscribedTopicRegex(value.subscribedTopicRegex())
            .serverAssignorName(value.serverAssignor())
            .rebalanceTimeoutMs(value.rebalanceTimeoutMs())
            .classicMemberMetadata(value.classicMember())
            .build();
    }

    /** @return the member with the persisted epochs, state and partitions applied */
    static ConsumerGroupMember withCurrentAssignment(ConsumerGroupMember member,
                                                     ConsumerCurrentAssignmentValue value) {
        return member.toBuilder()
            .memberEpoch(value.memberEpoch())
            .previousMemberEpoch(value.previousMemberEpoch())
            .state(MemberState.fromValue(value.state()))
            .assignedPartitions(epochs(value.assignedPartitions()))
            .partitionsPendingRevocation(epochs(value.partitionsPendingRevocation()))
            .build();
    }

    static MemberAssignment assignment(List<TopicPartitionsValue> topics) {
        Map<Uuid, PartitionSet> partitions = new TreeMap<>();
        topics.forEach(topic -> partitions.put(topic.topicId(), PartitionSet.of(topic.partitions())));
        return MemberAssignment.of(partitions);
    }

    private static List<TopicPartitionEpochsValue> epochsValue(PartitionEpochs partitions) {
        List<TopicPartitionEpochsValue> topics = new ArrayList<>();
        for (Map.Entry<Uuid, SortedMap<Integer, Integer>> topic : partitions.epochs().entrySet()) {
            topics.add(new TopicPartitionEpochsValue(topic.getKey(), List.copyOf(topic.getValue().keySet()),
                List.copyOf(topic.getValue().values())));
        }
        return topics;
    }

    private static PartitionEpochs epochs(List<TopicPartitionEpochsValue> topics) {
        PartitionEpochs.Builder builder = new PartitionEpochs.Builder();
        for (TopicPartitionEpochsValue topic : topics) {
            for (int i = 0; i < topic.partitions().size(); i++) {
                builder.put(topic.topicId(), topic.partitions().get(i), topic.epochs().get(i));
            }
        }
        return builder.build();
    }
}
