package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.CoordinatorOperation;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.testsupport.ManualClock;
import dev.handoff.testsupport.SequentialIds;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;

/**
 * Drives a {@link GroupCoordinatorShard} through consumer group operations the way the loop does: each operation's
 * records are appended to an in-memory log and replayed; {@link #sleep} advances the manual clock and fires timers;
 * {@link #restart} replays the log into a fresh shard.
 */
final class ConsumerGroupTestContext {

    static final String GROUP = "g";
    static final String CLIENT_ID = "client";
    static final String CLIENT_HOST = "/127.0.0.1";
    static final int REBALANCE_TIMEOUT_MS = 300_000;
    static final short LATEST_HEARTBEAT_VERSION = 1;

    final ManualClock clock = new ManualClock();
    final InMemoryCoordinatorLog<CoordinatorRecord> log = new InMemoryCoordinatorLog<>();
    private final GroupCoordinatorConfig config;
    private final Map<String, Uuid> topicIds = new TreeMap<>();
    private TopicsImage image = TopicsImage.EMPTY;
    private GroupCoordinatorShard shard;
    private List<CoordinatorRecord> lastRecords = List.of();

    private ConsumerGroupTestContext(GroupCoordinatorConfig config) {
        this.config = config;
        this.shard = newShard();
        apply(shard.onLoaded(clock.nowMs()));
        apply(shard.onTopicsChanged(image, clock.nowMs()));
    }

    /** Kafka's defaults, except that the target assignment is recomputed at once (interval 0). */
    static ConsumerGroupTestContext create() {
        return create(Map.of());
    }

    static ConsumerGroupTestContext create(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>();
        properties.put(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "0");
        properties.putAll(overrides);
        return new ConsumerGroupTestContext(GroupCoordinatorConfig.fromProperties(properties));
    }

    private GroupCoordinatorShard newShard() {
        return new GroupCoordinatorShard(config, new SequentialIds()::newMemberId);
    }

    GroupCoordinatorShard shard() {
        return shard;
    }

    ConsumerGroup group() {
        return (ConsumerGroup) shard.group(GROUP).orElseThrow();
    }

    ConsumerGroupMember member(String memberId) {
        return group().member(memberId).orElseThrow();
    }

    /** Creates or replaces a topic (a stable id per name) and hands the new image to the coordinator. */
    Uuid createTopic(String name, int partitions) {
        Uuid id = topicIds.computeIfAbsent(name, n -> new Uuid(0L, topicIds.size() + 1L));
        List<TopicImage> topics = new ArrayList<>();
        image.names().forEach(n -> {
            if (!n.equals(name)) {
                topics.add(image.topic(n).orElseThrow());
            }
        });
        topics.add(TopicImage.of(id, name, partitions));
        setTopics(TopicsImage.of(topics));
        return id;
    }

    void deleteTopic(String name) {
        List<TopicImage> topics = new ArrayList<>();
        image.names().stream().filter(n -> !n.equals(name)).forEach(n -> topics.add(image.topic(n).orElseThrow()));
        setTopics(TopicsImage.of(topics));
    }

    private void setTopics(TopicsImage next) {
        this.image = next;
        run((s, nowMs) -> s.onTopicsChanged(next, nowMs));
    }

    /** A resolver of its own over the coordinator's current topics, for full recomputations to compare with. */
    SubscriptionResolver resolver() {
        SubscriptionResolver resolver = new SubscriptionResolver();
        resolver.setImage(image);
        return resolver;
    }

    Uuid topicId(String name) {
        return topicIds.get(name);
    }

    <T> Result<CoordinatorRecord, T> run(CoordinatorOperation<GroupCoordinatorShard, CoordinatorRecord, T> op) {
        Result<CoordinatorRecord, T> result = op.execute(shard, clock.nowMs());
        apply(result);
        return result;
    }

    private void apply(Result<CoordinatorRecord, ?> result) {
        log.append(result.records());
        result.records().forEach(shard::replay);
        lastRecords = result.records();
    }

    ConsumerGroupHeartbeatResponseData heartbeat(ConsumerGroupHeartbeatRequestData request) {
        return heartbeat(request, LATEST_HEARTBEAT_VERSION);
    }

    ConsumerGroupHeartbeatResponseData heartbeat(ConsumerGroupHeartbeatRequestData request, short version) {
        RequestContext context = new RequestContext(version, CLIENT_ID, CLIENT_HOST);
        return run((s, nowMs) -> s.consumerGroupHeartbeat(context, request, nowMs)).response();
    }

    ConsumerGroupDescribeResponseData.DescribedGroup describe(String groupId) {
        ConsumerGroupDescribeRequestData request = new ConsumerGroupDescribeRequestData().setGroupIds(List.of(groupId));
        return run((s, nowMs) -> s.consumerGroupDescribe(context(1), request, nowMs)).response().groups().get(0);
    }

    static RequestContext context(int version) {
        return new RequestContext((short) version, CLIENT_ID, CLIENT_HOST);
    }

    /** Advances time and fires due timers, one at a time as the loop does. @return what the timers wrote */
    List<CoordinatorRecord> sleep(long ms) {
        clock.advance(ms);
        List<CoordinatorRecord> written = new ArrayList<>();
        shard.expireDueTimers(clock.nowMs(), fired -> {
            apply(fired);
            written.addAll(fired.records());
        });
        lastRecords = List.copyOf(written);
        return lastRecords;
    }

    List<CoordinatorRecord> lastRecords() {
        return lastRecords;
    }

    /** A broker restart: a fresh shard loads the log, gets the topics again and re-arms its timers. */
    void restart() {
        shard = newShard();
        log.readAll(shard::replay);
        apply(shard.onTopicsChanged(image, clock.nowMs()));
        apply(shard.onLoaded(clock.nowMs()));
    }

    // ---- requests ------------------------------------------------------------------------------------------

    /** A first heartbeat as the 4.4 client sends it: everything, no owned partitions, epoch 0. */
    static ConsumerGroupHeartbeatRequestData join(String memberId, String... topics) {
        return new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setMemberEpoch(0)
            .setRebalanceTimeoutMs(REBALANCE_TIMEOUT_MS)
            .setSubscribedTopicNames(List.of(topics))
            .setTopicPartitions(List.of());
    }

    /** A steady heartbeat: only the epoch (nothing changed since the last request). */
    static ConsumerGroupHeartbeatRequestData heartbeat(String memberId, int epoch) {
        return new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setMemberEpoch(epoch);
    }

    /** A heartbeat acknowledging a reconciliation: the epoch and the partitions the member owns now. */
    static ConsumerGroupHeartbeatRequestData ack(String memberId, int epoch, Map<Uuid, List<Integer>> owned) {
        List<ConsumerGroupHeartbeatRequestData.TopicPartitions> topics = new ArrayList<>();
        new TreeMap<>(owned).forEach((topicId, partitions) -> topics.add(
            new ConsumerGroupHeartbeatRequestData.TopicPartitions().setTopicId(topicId).setPartitions(partitions)));
        return heartbeat(memberId, epoch).setTopicPartitions(topics);
    }

    static ConsumerGroupHeartbeatRequestData leave(String memberId) {
        return heartbeat(memberId, -1);
    }

    /** The assignment of a response as topic id → partitions; null if the response carried none. */
    static Map<Uuid, List<Integer>> assignmentOf(ConsumerGroupHeartbeatResponseData response) {
        if (response.assignment() == null) {
            return null;
        }
        Map<Uuid, List<Integer>> assignment = new TreeMap<>();
        response.assignment().topicPartitions().forEach(t -> assignment.put(t.topicId(), t.partitions()));
        return assignment;
    }
}
