package dev.handoff.coordinator.recorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.consumer.TopicImage;
import dev.handoff.coordinator.consumer.TopicsImage;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.CoordinatorOperation;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.testsupport.ManualClock;
import dev.handoff.testsupport.SequentialIds;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;

/**
 * A shard with a flight recorder, driven the way the loop drives it: each operation's records are appended and
 * replayed; {@link #sleep} advances the manual clock and fires timers. Every operation takes exactly
 * {@link #OPERATION_NANOS} on the manual ticker.
 */
final class RecorderTestContext {

    static final String GROUP = "g";
    static final String TOPIC = "t";
    static final Uuid TOPIC_ID = new Uuid(0L, 1L);
    static final long OPERATION_NANOS = 250_000;
    static final int REBALANCE_TIMEOUT_MS = 300_000;
    static final int SESSION_TIMEOUT_MS = 45_000;

    final ManualClock clock = new ManualClock();
    final InMemoryCoordinatorLog<CoordinatorRecord> log = new InMemoryCoordinatorLog<>();
    final List<RebalanceEvent> heard = new ArrayList<>();
    private final GroupCoordinatorConfig config;
    private final FlightRecorder recorder;
    private final GroupCoordinatorShard shard;
    private final TopicsImage topics;
    private long ticks;

    private RecorderTestContext(FlightRecorderConfig recorderConfig, int partitions) {
        // The target assignment is recomputed at once, so each join shows its own assignment.
        this.config = GroupCoordinatorConfig.fromProperties(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "0"));
        this.recorder = new FlightRecorder(recorderConfig, config.consumerGroupAssignors(), this::tick, heard::add);
        this.shard = new GroupCoordinatorShard(config, new SequentialIds()::newMemberId, recorder);
        this.topics = TopicsImage.of(List.of(TopicImage.of(TOPIC_ID, TOPIC, partitions)));
        apply(shard.onLoaded(clock.nowMs()));
        run((s, nowMs) -> s.onTopicsChanged(topics, nowMs));
    }

    static RecorderTestContext create() {
        return create(FlightRecorderConfig.defaults(), 4);
    }

    static RecorderTestContext create(FlightRecorderConfig recorderConfig, int partitions) {
        return new RecorderTestContext(recorderConfig, partitions);
    }

    private long tick() {
        ticks += OPERATION_NANOS;
        return ticks;
    }

    FlightRecorder recorder() {
        return recorder;
    }

    GroupCoordinatorShard shard() {
        return shard;
    }

    <T> Result<CoordinatorRecord, T> run(CoordinatorOperation<GroupCoordinatorShard, CoordinatorRecord, T> op) {
        Result<CoordinatorRecord, T> result = op.execute(shard, clock.nowMs());
        apply(result);
        return result;
    }

    private void apply(Result<CoordinatorRecord, ?> result) {
        log.append(result.records());
        result.records().forEach(shard::replay);
    }

    /** Advances time and fires due timers, one at a time as the loop does. */
    void sleep(long ms) {
        clock.advance(ms);
        shard.expireDueTimers(clock.nowMs(), this::apply);
    }

    /** @return the events recorded for the group, oldest first */
    List<RebalanceEvent> events(String groupId) {
        return recorder.timeline(groupId, 0).map(Timeline::events).orElse(List.of());
    }

    /** @return the events heard since {@code fromIndex} of {@link #heard} */
    List<RebalanceEvent> heardSince(int fromIndex) {
        return List.copyOf(heard.subList(fromIndex, heard.size()));
    }

    /** A fresh shard with a fresh recorder loads this context's log, as a broker restart does. */
    List<RebalanceEvent> restartAndRecord() {
        List<RebalanceEvent> events = new ArrayList<>();
        FlightRecorder fresh = new FlightRecorder(FlightRecorderConfig.defaults(), config.consumerGroupAssignors(),
            this::tick, events::add);
        GroupCoordinatorShard restarted = new GroupCoordinatorShard(config, new SequentialIds()::newMemberId, fresh);
        log.readAll(restarted::replay);
        restarted.onTopicsChanged(topics, clock.nowMs()).records().forEach(restarted::replay);
        restarted.onLoaded(clock.nowMs());
        return events;
    }

    // ---- consumer group requests -----------------------------------------------------------------------

    ConsumerGroupHeartbeatResponseData heartbeat(ConsumerGroupHeartbeatRequestData request) {
        RequestContext context = new RequestContext((short) 1, "client-" + request.memberId(), "/127.0.0.1");
        return run((s, nowMs) -> s.consumerGroupHeartbeat(context, request, nowMs)).response();
    }

    ConsumerGroupHeartbeatResponseData join(String memberId) {
        return heartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP).setMemberId(memberId).setMemberEpoch(0)
            .setRebalanceTimeoutMs(REBALANCE_TIMEOUT_MS)
            .setSubscribedTopicNames(List.of(TOPIC))
            .setTopicPartitions(List.of()));
    }

    /** A heartbeat reporting the partitions of topic {@link #TOPIC} the member owns. */
    ConsumerGroupHeartbeatResponseData ack(String memberId, int epoch, List<Integer> owned) {
        Map<Uuid, List<Integer>> topicsOwned = new TreeMap<>();
        topicsOwned.put(TOPIC_ID, owned);
        List<ConsumerGroupHeartbeatRequestData.TopicPartitions> partitions = new ArrayList<>();
        topicsOwned.forEach((id, list) -> partitions.add(new ConsumerGroupHeartbeatRequestData.TopicPartitions()
            .setTopicId(id).setPartitions(list)));
        return heartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP).setMemberId(memberId).setMemberEpoch(epoch).setTopicPartitions(partitions));
    }

    ConsumerGroupHeartbeatResponseData leave(String memberId) {
        return heartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP).setMemberId(memberId).setMemberEpoch(-1));
    }

    static PartitionRef partition(int partition) {
        return new PartitionRef(TOPIC_ID, partition);
    }
}
