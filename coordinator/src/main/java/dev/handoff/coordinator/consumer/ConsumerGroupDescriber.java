package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.assignor.PartitionSet;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.protocol.Errors;

/** ConsumerGroupDescribe v0-v1 (spec §15): one entry per requested group, errors per group. */
final class ConsumerGroupDescriber {

    /**
     * ConsumerGroupDescribe v1 MemberType (KIP-1099): 0 for a classic member served inside a consumer group during
     * an online upgrade, 1 for a member using the consumer protocol; the admin client's upgraded() reads it.
     */
    private static final byte CLASSIC_MEMBER_TYPE = 0;
    private static final byte CONSUMER_MEMBER_TYPE = 1;

    private final GroupRegistry groups;
    private final SubscriptionResolver topics;
    private final ServerAssignors assignors;

    ConsumerGroupDescriber(GroupRegistry groups, SubscriptionResolver topics, ServerAssignors assignors) {
        this.groups = groups;
        this.topics = topics;
        this.assignors = assignors;
    }

    /** A group that is absent or of another type is GROUP_ID_NOT_FOUND; the admin client then tries classic. */
    ConsumerGroupDescribeResponseData.DescribedGroup describe(String groupId) {
        Optional<ConsumerGroup> found = groups.get(groupId, ConsumerGroup.class);
        if (found.isEmpty()) {
            return new ConsumerGroupDescribeResponseData.DescribedGroup()
                .setGroupId(groupId)
                .setErrorCode(Errors.GROUP_ID_NOT_FOUND.code())
                .setErrorMessage("Group " + groupId + " not found or not a consumer group.");
        }
        ConsumerGroup group = found.get();
        List<ConsumerGroupDescribeResponseData.Member> members = new ArrayList<>();
        for (ConsumerGroupMember member : group.members().values()) {
            members.add(new ConsumerGroupDescribeResponseData.Member()
                .setMemberId(member.memberId())
                .setInstanceId(member.instanceId().orElse(null))
                .setRackId(member.rackId().orElse(null))
                .setMemberEpoch(member.memberEpoch())
                .setClientId(member.clientId())
                .setClientHost(member.clientHost())
                .setSubscribedTopicNames(List.copyOf(member.subscribedTopicNames()))
                .setSubscribedTopicRegex(member.subscribedTopicRegex().orElse(null))
                .setAssignment(assignment(owned(member)))
                .setTargetAssignment(assignment(group.targetAssignment(member.memberId()).partitions()))
                .setMemberType(member.usesClassicProtocol() ? CLASSIC_MEMBER_TYPE : CONSUMER_MEMBER_TYPE));
        }
        return new ConsumerGroupDescribeResponseData.DescribedGroup()
            .setGroupId(groupId)
            .setErrorCode(Errors.NONE.code())
            .setGroupState(group.stateName())
            .setGroupEpoch(group.groupEpoch())
            .setAssignmentEpoch(group.assignmentEpoch())
            .setAssignorName(assignors.effective(group.assignorVotes()).name())
            .setMembers(members);
    }

    /** Spec §15: a member's assignment shows what it owns, i.e. assigned plus pending revocation. */
    private static Map<Uuid, PartitionSet> owned(ConsumerGroupMember member) {
        SortedMap<Uuid, TreeSet<Integer>> owned = new TreeMap<>();
        for (PartitionEpochs partitions : List.of(member.assignedPartitions(), member.partitionsPendingRevocation())) {
            partitions.epochs().forEach((topicId, epochs) ->
                owned.computeIfAbsent(topicId, t -> new TreeSet<>()).addAll(epochs.keySet()));
        }
        Map<Uuid, PartitionSet> result = new TreeMap<>();
        owned.forEach((topicId, set) -> result.put(topicId, PartitionSet.of(set)));
        return result;
    }

    /** Topics that no longer exist are left out: they have no name to show. */
    private ConsumerGroupDescribeResponseData.Assignment assignment(Map<Uuid, PartitionSet> partitions) {
        List<ConsumerGroupDescribeResponseData.TopicPartitions> topicPartitions = new ArrayList<>();
        new TreeMap<>(partitions).forEach((topicId, set) -> topics.topicName(topicId).ifPresent(name -> {
            List<Integer> list = new ArrayList<>(set.size());
            set.forEach(list::add);
            topicPartitions.add(new ConsumerGroupDescribeResponseData.TopicPartitions()
                .setTopicId(topicId)
                .setTopicName(name)
                .setPartitions(list));
        }));
        return new ConsumerGroupDescribeResponseData.Assignment().setTopicPartitions(topicPartitions);
    }
}
