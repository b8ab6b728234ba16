package dev.handoff.bench.heartbeat;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.consumer.TopicImage;
import dev.handoff.coordinator.consumer.TopicsImage;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.recorder.FlightRecorder;
import dev.handoff.coordinator.recorder.FlightRecorderConfig;
import dev.handoff.coordinator.recorder.RebalanceObserver;
import dev.handoff.coordinator.runtime.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the flight recorder costs the coordinator (issue 9), on the coordinator shard alone, driven as the loop
 * drives it (each operation's records replayed at once), with {@code recorder} on and off:
 * <ul>
 *   <li>{@code steadyHeartbeat}: a settled member's heartbeat, which writes no records: the recorder's fixed cost per
 *       operation (two {@code System.nanoTime()} reads and a lambda);</li>
 *   <li>{@code joinAndLeave}: one more member joins a settled group and leaves again: two operations whose records
 *       make events (joined, epoch bumps, target assignments, left). The difference on/off divided by the events per
 *       invocation (printed at tear-down) is the cost of one event.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecorderCostBenchmark {

    private static final Logger LOGGER = LoggerFactory.getLogger(RecorderCostBenchmark.class);

    private static final String GROUP = "recorder-cost";
    private static final String TOPIC = "t";
    private static final int PARTITIONS = 64;
    private static final int REBALANCE_TIMEOUT_MS = 300_000;
    private static final RequestContext CONTEXT = new RequestContext((short) 1, "bench", "/127.0.0.1");

    @Param({"true", "false"})
    boolean recorder;

    @Param({"10"})
    int members;

    private GroupCoordinatorShard shard;
    private final List<SimulatedMember> group = new ArrayList<>();
    private long events;
    private long joinsAndLeaves;
    private int nextMember;
    private int nextJoiner;

    @Setup(Level.Trial)
    public void setUp() {
        // The target assignment is recomputed at once, as it is with Handoff's default.
        GroupCoordinatorConfig config = GroupCoordinatorConfig.fromProperties(
                Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "0"));
        RebalanceObserver observer = recorder
                ? new FlightRecorder(FlightRecorderConfig.defaults(), config.consumerGroupAssignors(), System::nanoTime,
                        event -> events++)
                : RebalanceObserver.NONE;
        shard = new GroupCoordinatorShard(config, prefix -> prefix + "-" + Uuid.randomUuid(), observer);
        apply(shard.onLoaded(0));
        apply(shard.onTopicsChanged(TopicsImage.of(List.of(TopicImage.of(new Uuid(0L, 1L), TOPIC, PARTITIONS))), 0));
        for (int i = 0; i < members; i++) {
            group.add(new SimulatedMember(GROUP, "member-" + i, List.of(TOPIC), REBALANCE_TIMEOUT_MS));
        }
        settle();
    }

    /** Heartbeats every member until a whole round writes no records: every assignment acknowledged. */
    private void settle() {
        boolean wrote = true;
        for (int round = 0; wrote; round++) {
            if (round == 100) {
                throw new IllegalStateException("The group did not settle in 100 rounds");
            }
            wrote = false;
            for (SimulatedMember member : group) {
                wrote |= heartbeat(member);
            }
        }
        events = 0;
    }

    @Benchmark
    public boolean steadyHeartbeat() {
        return heartbeat(group.get(nextMember++ % members));
    }

    @Benchmark
    public boolean joinAndLeave() {
        SimulatedMember joiner = new SimulatedMember(GROUP, "joiner-" + nextJoiner++, List.of(TOPIC),
                REBALANCE_TIMEOUT_MS);
        heartbeat(joiner);
        joiner.leave();
        joinsAndLeaves++;
        return heartbeat(joiner);
    }

    @TearDown(Level.Trial)
    public void report() {
        if (recorder && joinsAndLeaves > 0) {
            LOGGER.info("{} events per join and leave", String.format(Locale.ROOT, "%.1f",
                    (double) events / joinsAndLeaves));
        }
    }

    /** @return whether the heartbeat wrote records */
    private boolean heartbeat(SimulatedMember member) {
        Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> result =
                shard.consumerGroupHeartbeat(CONTEXT, member.nextRequest(), 0);
        apply(result);
        member.onResponse(result.response());
        return !result.records().isEmpty();
    }

    private void apply(Result<CoordinatorRecord, ?> result) {
        result.records().forEach(shard::replay);
    }
}
