package dev.handoff.server.http;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.classic.ClassicGroup;
import dev.handoff.coordinator.consumer.ConsumerGroup;
import dev.handoff.coordinator.consumer.ConsumerGroupMember;
import dev.handoff.server.http.ConsoleViews.MemberView;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * Builds immutable copies of every group on the coordinator thread, through the same list, describe and offset
 * fetch operations clients use. Lag is added later, off the coordinator thread, from the logs' end offsets.
 */
final class GroupSnapshots {

    /** A group as the coordinator describes it, with the offsets it has committed. */
    record GroupSnapshot(String groupId, String type, String state, String protocolType, int epoch,
                         int assignmentEpoch, List<MemberView> members, Map<String, Map<Integer, Long>> committed) {
    }

    private static final RequestContext CONSOLE = new RequestContext((short) 1, "handoff-console", "");
    /** DescribeGroups v5: the classic admin shape, without the v6 GROUP_ID_NOT_FOUND. */
    private static final RequestContext DESCRIBE_V5 = new RequestContext((short) 5, "handoff-console", "");
    private static final byte CLASSIC_MEMBER_TYPE = 0;

    private GroupSnapshots() {
    }

    /** Runs on the coordinator thread. */
    static List<GroupSnapshot> take(GroupCoordinatorShard shard, long nowMs) {
        List<GroupSnapshot> snapshots = new ArrayList<>();
        ListGroupsResponseData listed = shard.listGroups(new ListGroupsRequestData(), nowMs).response();
        for (ListGroupsResponseData.ListedGroup group : listed.groups()) {
            String groupId = group.groupId();
            Map<String, Map<Integer, Long>> committed = committedOffsets(shard, groupId, nowMs);
            if (GroupType.CONSUMER.toString().equalsIgnoreCase(group.groupType())) {
                snapshots.add(consumerGroup(shard, groupId, committed, nowMs));
            } else {
                snapshots.add(classicGroup(shard, group, committed, nowMs));
            }
        }
        return snapshots;
    }

    private static GroupSnapshot consumerGroup(GroupCoordinatorShard shard, String groupId,
                                               Map<String, Map<Integer, Long>> committed, long nowMs) {
        ConsumerGroupDescribeResponseData.DescribedGroup described = shard.consumerGroupDescribe(CONSOLE,
            new ConsumerGroupDescribeRequestData().setGroupIds(List.of(groupId)), nowMs).response().groups().get(0);
        Optional<ConsumerGroup> live = shard.group(groupId).filter(ConsumerGroup.class::isInstance)
            .map(ConsumerGroup.class::cast);
        List<MemberView> members = new ArrayList<>();
        for (ConsumerGroupDescribeResponseData.Member member : described.members()) {
            boolean classic = member.memberType() == CLASSIC_MEMBER_TYPE || live.flatMap(g -> g.member(
                member.memberId())).map(ConsumerGroupMember::usesClassicProtocol).orElse(false);
            List<String> assigned = new ArrayList<>();
            member.assignment().topicPartitions().forEach(topic ->
                topic.partitions().forEach(p -> assigned.add(topic.topicName() + "-" + p)));
            members.add(new MemberView(member.memberId(), member.instanceId(), member.clientId(),
                member.clientHost(), classic ? "classic" : "consumer", member.memberEpoch(), assigned));
        }
        return new GroupSnapshot(groupId, "consumer", described.groupState(), "consumer", described.groupEpoch(),
            described.assignmentEpoch(), members, committed);
    }

    private static GroupSnapshot classicGroup(GroupCoordinatorShard shard, ListGroupsResponseData.ListedGroup group,
                                              Map<String, Map<Integer, Long>> committed, long nowMs) {
        DescribeGroupsResponseData.DescribedGroup described = shard.describeGroups(DESCRIBE_V5,
            List.of(group.groupId()), nowMs).response().groups().get(0);
        int generation = shard.group(group.groupId()).filter(ClassicGroup.class::isInstance)
            .map(g -> ((ClassicGroup) g).generationId()).orElse(-1);
        boolean consumerProtocol = "consumer".equals(described.protocolType());
        List<MemberView> members = new ArrayList<>();
        for (DescribeGroupsResponseData.DescribedGroupMember member : described.members()) {
            members.add(new MemberView(member.memberId(), member.groupInstanceId(), member.clientId(),
                member.clientHost(), "classic", generation,
                consumerProtocol ? assignedPartitions(member.memberAssignment()) : List.of()));
        }
        return new GroupSnapshot(group.groupId(), typeOf(shard.group(group.groupId())), described.groupState(),
            described.protocolType(), generation, -1, members, committed);
    }

    private static String typeOf(Optional<Group> group) {
        return group.map(g -> g.type().toString().toLowerCase(Locale.ROOT)).orElse("classic");
    }

    /** A classic consumer's assignment is a ConsumerProtocolAssignment the leader wrote; unreadable means none. */
    private static List<String> assignedPartitions(byte[] assignment) {
        if (assignment == null || assignment.length == 0) {
            return List.of();
        }
        try {
            return ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(assignment)).partitions().stream()
                .map(tp -> tp.topic() + "-" + tp.partition())
                .sorted()
                .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Map<String, Map<Integer, Long>> committedOffsets(GroupCoordinatorShard shard, String groupId,
                                                                    long nowMs) {
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroups(List.of(
            new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(groupId).setTopics(null)));
        Map<String, Map<Integer, Long>> committed = new TreeMap<>();
        OffsetFetchResponseData response = shard.fetchOffsets(request, nowMs).response();
        for (OffsetFetchResponseData.OffsetFetchResponseGroup group : response.groups()) {
            for (OffsetFetchResponseData.OffsetFetchResponseTopics topic : group.topics()) {
                for (OffsetFetchResponseData.OffsetFetchResponsePartitions partition : topic.partitions()) {
                    if (partition.errorCode() == Errors.NONE.code() && partition.committedOffset() >= 0) {
                        committed.computeIfAbsent(topic.name(), t -> new TreeMap<>())
                            .put(partition.partitionIndex(), partition.committedOffset());
                    }
                }
            }
        }
        return committed;
    }
}
