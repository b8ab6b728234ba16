package dev.handoff.bench.heartbeat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One heartbeat throughput run against one broker: creates the topics, joins every member, waits until the groups
 * have settled, drops what the warm-up measured, then measures steady-state heartbeating for the duration.
 */
final class HeartbeatBenchmark {

    private static final Logger LOGGER = LoggerFactory.getLogger(HeartbeatBenchmark.class);
    private static final Duration SETTLED_AFTER = Duration.ofSeconds(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(30);

    private final LoadShape shape;
    private final Duration warmUp;
    private final Duration duration;
    private final int ioThreads;

    /**
     * @param warmUp   heartbeating after the groups settled and before measuring
     * @param duration how long to measure
     */
    HeartbeatBenchmark(LoadShape shape, Duration warmUp, Duration duration, int ioThreads) {
        this.shape = shape;
        this.warmUp = warmUp;
        this.duration = duration;
        this.ioThreads = ioThreads;
    }

    /** Runs the load with {@code pacing} against the broker at {@code bootstrapServers} ({@code host:port}). */
    HeartbeatFigures run(String name, String bootstrapServers, Pacing pacing)
            throws InterruptedException, ExecutionException, TimeoutException {
        Topics.create(bootstrapServers, shape);
        try (BrokerConnections broker = BrokerConnections.open(address(bootstrapServers), shape.connections(),
                ioThreads, shape.groupIds())) {
            HeartbeatLoad load = new HeartbeatLoad(broker, shape.topicNames(), shape.rebalanceTimeoutMs(), pacing,
                    member -> { });
            for (int member = 0; member < shape.members(); member++) {
                load.join(shape.groupOf(member));
            }
            if (!load.awaitSettled(shape.members(), SETTLED_AFTER, SETTLE_TIMEOUT)) {
                LOGGER.warn("{}: groups did not settle within {}; measuring anyway", name, SETTLE_TIMEOUT);
            }
            Thread.sleep(warmUp.toMillis());
            HeartbeatFigures settling = load.stats().snapshot(Duration.ZERO);
            LOGGER.info("{}: {} members joined ({} joins, errors {}); measuring for {}", name, shape.members(),
                    settling.joins(), settling.errors(), duration);
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            HeartbeatFigures figures = load.stats().snapshot(Duration.ofNanos(System.nanoTime() - start));
            LOGGER.info("{}: {} heartbeats/s, p99 {} us, errors {}", name, Math.round(figures.heartbeatsPerSecond()),
                    figures.latency().p99().toNanos() / 1_000, figures.errors());
            if (!load.leaveAll(LEAVE_TIMEOUT)) {
                LOGGER.warn("{}: {} members had not left after {}", name, load.liveMembers(), LEAVE_TIMEOUT);
            }
            return figures;
        }
    }

    static InetSocketAddress address(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        return new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }
}
