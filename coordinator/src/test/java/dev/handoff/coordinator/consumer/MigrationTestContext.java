package dev.handoff.coordinator.consumer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.classic.ParkingKey;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.CoordinatorOperation;
import dev.handoff.coordinator.runtime.Delivery;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.testsupport.ManualClock;
import dev.handoff.testsupport.SequentialIds;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * Drives one {@link GroupCoordinatorShard} with both protocols in one group, the way the loop does: records are
 * appended to an in-memory log and replayed, deliveries to parked classic requests are collected, {@link #sleep}
 * fires timers, and {@link #replayIntoFreshShard} loads the log into a new shard for replay equivalence.
 */
final class MigrationTestContext {

    static final String GROUP = "g";
    static final String TOPIC = "orders";
    static final String COOPERATIVE = "cooperative-sticky";
    static final int SESSION_TIMEOUT_MS = 30_000;
    static final int REBALANCE_TIMEOUT_MS = 60_000;
    private static final String CLIENT_ID = "client";
    private static final String CLIENT_HOST = "/127.0.0.1";

    final ManualClock clock = new ManualClock();
    private final InMemoryCoordinatorLog<CoordinatorRecord> log = new InMemoryCoordinatorLog<>();
    private final GroupCoordinatorConfig config;
    private final GroupCoordinatorShard shard;
    private final Map<Object, Object> delivered = new LinkedHashMap<>();
    private TopicsImage image = TopicsImage.EMPTY;
    private List<CoordinatorRecord> lastRecords = List.of();

    private MigrationTestContext(GroupCoordinatorConfig config) {
        this.config = config;
        this.shard = new GroupCoordinatorShard(config, new SequentialIds()::newMemberId);
        apply(shard.onLoaded(clock.nowMs()));
    }

    /** Kafka's defaults except an immediate target assignment and no initial rebalance delay, plus overrides. */
    static MigrationTestContext create(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "0");
        properties.put(GroupCoordinatorConfig.GROUP_INITIAL_REBALANCE_DELAY_MS, "0");
        properties.putAll(overrides);
        return new MigrationTestContext(GroupCoordinatorConfig.fromProperties(properties));
    }

    GroupCoordinatorShard shard() {
        return shard;
    }

    Uuid createTopic(String name, int partitions) {
        Uuid id = new Uuid(0L, name.hashCode() & 0xffffL);
        List<TopicImage> topics = new ArrayList<>();
        image.names().forEach(n -> topics.add(image.topic(n).orElseThrow()));
        topics.add(TopicImage.of(id, name, partitions));
        image = TopicsImage.of(topics);
        run((s, nowMs) -> s.onTopicsChanged(image, nowMs));
        return id;
    }

    <T> Result<CoordinatorRecord, T> run(CoordinatorOperation<GroupCoordinatorShard, CoordinatorRecord, T> op) {
        Result<CoordinatorRecord, T> result = op.execute(shard, clock.nowMs());
        apply(result);
        return result;
    }

    private void apply(Result<CoordinatorRecord, ?> result) {
        log.append(result.records());
        result.records().forEach(shard::replay);
        for (Delivery delivery : result.deliveries()) {
            delivered.put(delivery.key(), delivery.response());
        }
        lastRecords = result.records();
    }

    List<CoordinatorRecord> lastRecords() {
        return lastRecords;
    }

    /** Advances time and fires due timers, one at a time as the loop does; {@link #lastRecords} has all they wrote. */
    void sleep(long ms) {
        clock.advance(ms);
        List<CoordinatorRecord> written = new ArrayList<>();
        shard.expireDueTimers(clock.nowMs(), fired -> {
            apply(fired);
            written.addAll(fired.records());
        });
        lastRecords = List.copyOf(written);
    }

    /** A broker restart: the log replayed into a new shard that gets the same topics. */
    GroupCoordinatorShard replayIntoFreshShard() {
        GroupCoordinatorShard fresh = new GroupCoordinatorShard(config, new SequentialIds()::newMemberId);
        log.readAll(fresh::replay);
        fresh.onTopicsChanged(image, clock.nowMs());
        fresh.onLoaded(clock.nowMs());
        return fresh;
    }

    Optional<ConsumerGroup> consumerGroup() {
        return shard.group(GROUP).filter(ConsumerGroup.class::isInstance).map(ConsumerGroup.class::cast);
    }

    // ---- consumer protocol ---------------------------------------------------------------------------------

    ConsumerGroupHeartbeatResponseData consumerJoin(String memberId, String... topics) {
        return consumerHeartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setMemberEpoch(0)
            .setRebalanceTimeoutMs(REBALANCE_TIMEOUT_MS)
            .setSubscribedTopicNames(List.of(topics))
            .setTopicPartitions(List.of()));
    }

    ConsumerGroupHeartbeatResponseData consumerHeartbeat(ConsumerGroupHeartbeatRequestData request) {
        RequestContext context = new RequestContext((short) 1, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.consumerGroupHeartbeat(context, request, nowMs)).response();
    }

    ConsumerGroupHeartbeatResponseData consumerLeave(String memberId) {
        return consumerHeartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP).setMemberId(memberId).setMemberEpoch(-1));
    }

    static ConsumerGroupDescribeResponseData.DescribedGroup describeConsumerGroup(GroupCoordinatorShard shard) {
        ConsumerGroupDescribeRequestData request = new ConsumerGroupDescribeRequestData().setGroupIds(List.of(GROUP));
        return shard.consumerGroupDescribe(new RequestContext((short) 1, CLIENT_ID, CLIENT_HOST), request, 0L)
            .response().groups().get(0);
    }

    static DescribeGroupsResponseData.DescribedGroup describeClassicGroup(GroupCoordinatorShard shard) {
        return shard.describeGroups(new RequestContext((short) 5, CLIENT_ID, CLIENT_HOST), List.of(GROUP), 0L)
            .response().groups().get(0);
    }

    // ---- classic protocol ----------------------------------------------------------------------------------

    /**
     * A classic consumer's JoinGroup (v9) with one protocol whose subscription reports its owned partitions and
     * generation, as the 4.4 client writes it (version 3).
     */
    Result<CoordinatorRecord, JoinGroupResponseData> classicJoin(String memberId, String protocol, int generation,
                                                                 List<Integer> owned) {
        return classicJoin(memberId, protocol, generation, owned, null);
    }

    /** As {@link #classicJoin(String, String, int, List)}, for a static member when {@code instanceId} is set. */
    Result<CoordinatorRecord, JoinGroupResponseData> classicJoin(String memberId, String protocol, int generation,
                                                                 List<Integer> owned, String instanceId) {
        return classicJoin(memberId, List.of(protocol), generation, owned, instanceId);
    }

    /** As {@link #classicJoin(String, String, int, List, String)}, offering each of {@code protocolNames}. */
    Result<CoordinatorRecord, JoinGroupResponseData> classicJoin(String memberId, List<String> protocolNames,
                                                                 int generation, List<Integer> owned,
                                                                 String instanceId) {
        List<TopicPartition> ownedPartitions = owned.stream().map(p -> new TopicPartition(TOPIC, p)).toList();
        ByteBuffer metadata = ConsumerProtocol.serializeSubscription(new ConsumerPartitionAssignor.Subscription(
            List.of(TOPIC), null, ownedPartitions, generation, Optional.empty()));
        JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
            new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocolNames.forEach(name -> protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName(name)
            .setMetadata(bytes(metadata))));
        JoinGroupRequestData request = new JoinGroupRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setGroupInstanceId(instanceId)
            .setProtocolType("consumer")
            .setSessionTimeoutMs(SESSION_TIMEOUT_MS)
            .setRebalanceTimeoutMs(REBALANCE_TIMEOUT_MS)
            .setProtocols(protocols);
        RequestContext context = new RequestContext((short) 9, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.joinGroup(context, request, nowMs));
    }

    /** The KIP-394 round trip of a new classic member; its real JoinGroup is parked or answered. */
    String newClassicMember() {
        JoinGroupResponseData required = classicJoin("", COOPERATIVE, -1, List.of()).response();
        if (required.errorCode() != Errors.MEMBER_ID_REQUIRED.code()) {
            throw new AssertionError("Expected MEMBER_ID_REQUIRED but got " + Errors.forCode(required.errorCode()));
        }
        classicJoin(required.memberId(), COOPERATIVE, -1, List.of());
        return required.memberId();
    }

    Result<CoordinatorRecord, SyncGroupResponseData> classicSync(String memberId, int generation,
                                                                 Map<String, List<Integer>> assignments) {
        return classicSync(memberId, generation, assignments, null);
    }

    Result<CoordinatorRecord, SyncGroupResponseData> classicSync(String memberId, int generation,
                                                                 Map<String, List<Integer>> assignments,
                                                                 ByteBuffer userData) {
        List<SyncGroupRequestData.SyncGroupRequestAssignment> list = new ArrayList<>();
        assignments.forEach((member, partitions) -> list.add(new SyncGroupRequestData.SyncGroupRequestAssignment()
            .setMemberId(member)
            .setAssignment(bytes(ConsumerProtocol.serializeAssignment(new ConsumerPartitionAssignor.Assignment(
                partitions.stream().map(p -> new TopicPartition(TOPIC, p)).toList(), userData))))));
        SyncGroupRequestData request = new SyncGroupRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setGenerationId(generation)
            .setProtocolType("consumer")
            .setProtocolName(COOPERATIVE)
            .setAssignments(list);
        RequestContext context = new RequestContext((short) 5, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.syncGroup(context, request, nowMs));
    }

    Errors classicHeartbeat(String memberId, int generation) {
        HeartbeatRequestData request = new HeartbeatRequestData()
            .setGroupId(GROUP).setMemberId(memberId).setGenerationId(generation);
        RequestContext context = new RequestContext((short) 4, CLIENT_ID, CLIENT_HOST);
        return Errors.forCode(run((s, nowMs) -> s.heartbeat(context, request, nowMs)).response().errorCode());
    }

    LeaveGroupResponseData classicLeave(String memberId) {
        LeaveGroupRequestData request = new LeaveGroupRequestData().setGroupId(GROUP)
            .setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(memberId)));
        RequestContext context = new RequestContext((short) 5, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.leaveGroup(context, request, nowMs)).response();
    }

    Optional<JoinGroupResponseData> takeJoinResponse(String memberId) {
        return Optional.ofNullable((JoinGroupResponseData) delivered.remove(ParkingKey.join(GROUP, memberId)));
    }

    Optional<SyncGroupResponseData> takeSyncResponse(String memberId) {
        return Optional.ofNullable((SyncGroupResponseData) delivered.remove(ParkingKey.sync(GROUP, memberId)));
    }

    /** The partitions of {@link #TOPIC} in a SyncGroup assignment. */
    static List<Integer> partitionsOf(byte[] assignment) {
        return ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(assignment)).partitions().stream()
            .map(TopicPartition::partition).sorted().toList();
    }

    /** The partitions a consumer group holds for a member, by topic id, as sorted lists. */
    static Map<Uuid, List<Integer>> assignedTo(ConsumerGroupMember member) {
        Map<Uuid, List<Integer>> assigned = new TreeMap<>();
        member.assignedPartitions().epochs().forEach((topicId, partitions) ->
            assigned.put(topicId, List.copyOf(partitions.keySet())));
        return assigned;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
