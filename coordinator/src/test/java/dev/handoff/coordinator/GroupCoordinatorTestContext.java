package dev.handoff.coordinator;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.handoff.coordinator.classic.ParkingKey;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.CoordinatorOperation;
import dev.handoff.coordinator.runtime.Delivery;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import dev.handoff.testsupport.ManualClock;
import dev.handoff.testsupport.SequentialIds;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * Drives a {@link GroupCoordinatorShard} the way the loop does, deterministically (Kafka's
 * {@code GroupMetadataManagerTestContext}): every operation's records are appended to an in-memory log and
 * replayed, deliveries for parked requests are collected, and {@link #sleep(long)} advances the manual clock and
 * fires due timers.
 */
public final class GroupCoordinatorTestContext {

    public static final String CLIENT_ID = "client";
    public static final String CLIENT_HOST = "/127.0.0.1";
    public static final short LATEST_JOIN_VERSION = 9;
    public static final int SESSION_TIMEOUT_MS = 45_000;
    public static final int REBALANCE_TIMEOUT_MS = 300_000;

    public final ManualClock clock = new ManualClock();
    public final InMemoryCoordinatorLog<CoordinatorRecord> log = new InMemoryCoordinatorLog<>();
    private final SequentialIds ids = new SequentialIds();
    private final GroupCoordinatorConfig config;
    private final Map<Object, Object> delivered = new LinkedHashMap<>();
    private final GroupCoordinatorShard shard;
    private List<CoordinatorRecord> lastRecords = List.of();

    private GroupCoordinatorTestContext(GroupCoordinatorConfig config) {
        this.config = config;
        this.shard = new GroupCoordinatorShard(config, ids::newMemberId);
        apply(shard.onLoaded(clock.nowMs()));
    }

    public static GroupCoordinatorTestContext create() {
        return new GroupCoordinatorTestContext(GroupCoordinatorConfig.defaults());
    }

    /** @param overrides Kafka config names and values */
    public static GroupCoordinatorTestContext create(Map<String, String> overrides) {
        return new GroupCoordinatorTestContext(GroupCoordinatorConfig.fromProperties(overrides));
    }

    public GroupCoordinatorShard shard() {
        return shard;
    }

    /** Runs an operation now, then appends and replays its records and collects its deliveries. */
    public <T> Result<CoordinatorRecord, T> run(CoordinatorOperation<GroupCoordinatorShard, CoordinatorRecord, T> op) {
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

    /**
     * Advances time by {@code ms} and fires the timers that are due, one at a time as the loop does (each one's
     * records replayed before the next runs). @return what the timers produced, together
     */
    public Result<CoordinatorRecord, Void> sleep(long ms) {
        clock.advance(ms);
        ResultBuilder<CoordinatorRecord> all = new ResultBuilder<>();
        shard.expireDueTimers(clock.nowMs(), fired -> {
            apply(fired);
            all.merge(fired);
        });
        Result<CoordinatorRecord, Void> result = all.reply(null);
        lastRecords = result.records();
        return result;
    }

    /** @return the records of the last operation or timer run */
    public List<CoordinatorRecord> lastRecords() {
        return lastRecords;
    }

    /** Replays this context's log into a brand-new shard, as a broker restart would. */
    public GroupCoordinatorShard replayIntoFreshShard() {
        GroupCoordinatorShard fresh = new GroupCoordinatorShard(config, new SequentialIds()::newMemberId);
        log.readAll(fresh::replay);
        fresh.onLoaded(clock.nowMs());
        return fresh;
    }

    // ---- classic helpers -----------------------------------------------------------------------------------

    public Result<CoordinatorRecord, JoinGroupResponseData> joinGroup(JoinGroupRequestData request) {
        return joinGroup(request, LATEST_JOIN_VERSION);
    }

    public Result<CoordinatorRecord, JoinGroupResponseData> joinGroup(JoinGroupRequestData request, short version) {
        RequestContext context = new RequestContext(version, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.joinGroup(context, request, nowMs));
    }

    public Result<CoordinatorRecord, SyncGroupResponseData> syncGroup(SyncGroupRequestData request) {
        return run((s, nowMs) -> s.syncGroup(context(5), request, nowMs));
    }

    public HeartbeatResponseData heartbeat(String groupId, String memberId, int generationId) {
        return heartbeat(groupId, memberId, null, generationId);
    }

    public HeartbeatResponseData heartbeat(String groupId, String memberId, String groupInstanceId,
                                           int generationId) {
        HeartbeatRequestData request = new HeartbeatRequestData()
            .setGroupId(groupId).setMemberId(memberId).setGroupInstanceId(groupInstanceId)
            .setGenerationId(generationId);
        return run((s, nowMs) -> s.heartbeat(context(4), request, nowMs)).response();
    }

    public LeaveGroupResponseData leaveGroup(String groupId, LeaveGroupRequestData.MemberIdentity... members) {
        LeaveGroupRequestData request = new LeaveGroupRequestData().setGroupId(groupId).setMembers(List.of(members));
        return run((s, nowMs) -> s.leaveGroup(context(5), request, nowMs)).response();
    }

    public DescribeGroupsResponseData.DescribedGroup describe(String groupId) {
        return run((s, nowMs) -> s.describeGroups(context(6), List.of(groupId), nowMs)).response().groups().get(0);
    }

    public static RequestContext context(int version) {
        return new RequestContext((short) version, CLIENT_ID, CLIENT_HOST);
    }

    /** @return the response delivered to the member's parked JoinGroup, removing it from the inbox */
    public Optional<JoinGroupResponseData> takeJoinResponse(String groupId, String memberId) {
        return Optional.ofNullable((JoinGroupResponseData) delivered.remove(ParkingKey.join(groupId, memberId)));
    }

    /** @return the response delivered to the member's parked SyncGroup, removing it from the inbox */
    public Optional<SyncGroupResponseData> takeSyncResponse(String groupId, String memberId) {
        return Optional.ofNullable((SyncGroupResponseData) delivered.remove(ParkingKey.sync(groupId, memberId)));
    }

    /**
     * A dynamic consumer joins with JoinGroup v9: the KIP-394 round trip, then the real join (parked).
     *
     * @return the member id the coordinator issued
     */
    public String joinDynamicMember(String groupId, List<String> topics) {
        JoinGroupResponseData required = joinGroup(joinRequest(groupId, "", topics)).response();
        if (required.errorCode() != Errors.MEMBER_ID_REQUIRED.code()) {
            throw new AssertionError("Expected MEMBER_ID_REQUIRED but got " + Errors.forCode(required.errorCode()));
        }
        joinGroup(joinRequest(groupId, required.memberId(), topics));
        return required.memberId();
    }

    public static JoinGroupRequestData joinRequest(String groupId, String memberId, List<String> topics) {
        return joinRequest(groupId, memberId, protocol("range", topics));
    }

    public static JoinGroupRequestData joinRequest(String groupId, String memberId,
                                                   JoinGroupRequestData.JoinGroupRequestProtocol... protocols) {
        JoinGroupRequestData.JoinGroupRequestProtocolCollection collection =
            new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        for (JoinGroupRequestData.JoinGroupRequestProtocol protocol : protocols) {
            collection.add(protocol.duplicate());
        }
        return new JoinGroupRequestData()
            .setGroupId(groupId)
            .setMemberId(memberId)
            .setProtocolType("consumer")
            .setSessionTimeoutMs(SESSION_TIMEOUT_MS)
            .setRebalanceTimeoutMs(REBALANCE_TIMEOUT_MS)
            .setProtocols(collection);
    }

    /** @return a protocol whose metadata is a real ConsumerProtocolSubscription for {@code topics} */
    public static JoinGroupRequestData.JoinGroupRequestProtocol protocol(String name, List<String> topics) {
        return new JoinGroupRequestData.JoinGroupRequestProtocol()
            .setName(name)
            .setMetadata(bytes(ConsumerProtocol.serializeSubscription(
                new ConsumerPartitionAssignor.Subscription(topics))));
    }

    public static SyncGroupRequestData syncRequest(String groupId, String memberId, int generationId,
                                                   Map<String, byte[]> assignments) {
        List<SyncGroupRequestData.SyncGroupRequestAssignment> list = new ArrayList<>();
        assignments.forEach((member, assignment) -> list.add(
            new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId(member).setAssignment(assignment)));
        return new SyncGroupRequestData()
            .setGroupId(groupId)
            .setMemberId(memberId)
            .setGenerationId(generationId)
            .setProtocolType("consumer")
            .setProtocolName("range")
            .setAssignments(list);
    }

    /** @return a ConsumerProtocolAssignment as the Java leader would write it */
    public static byte[] assignment(TopicPartition... partitions) {
        return bytes(ConsumerProtocol.serializeAssignment(new ConsumerPartitionAssignor.Assignment(List.of(partitions))));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
