package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sustained-load soak (issue 8): members heartbeat at the interval the coordinator returns, as consumers do,
 * while seeded random members leave and are replaced by new members of the same group, for a bounded time. The
 * choice of who leaves and when replacements join is made on one churn thread from one seeded {@link Random}.
 */
final class Soak {

    private static final Logger LOGGER = LoggerFactory.getLogger(Soak.class);
    private static final long CHURN_TICK_MS = 100;
    private static final Duration SETTLED_AFTER = Duration.ofSeconds(2);
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration LEAVE_TIMEOUT = Duration.ofSeconds(30);

    private final SoakSettings settings;
    private final int ioThreads;
    private final Random random;
    private final ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "soak-churn"));
    /** The members that may be picked to leave; touched only on the churn thread. */
    private final List<SimulatedMember> active = new ArrayList<>();
    private HeartbeatLoad load;
    private double leavesOwed;
    private volatile boolean churning;

    Soak(SoakSettings settings, int ioThreads) {
        this.settings = settings;
        this.ioThreads = ioThreads;
        this.random = new Random(settings.seed());
    }

    /**
     * Runs the soak against the broker at {@code bootstrapServers}, whose heap {@code heap} reads.
     */
    SoakReport run(String bootstrapServers, HeapProbe heap)
            throws InterruptedException, ExecutionException, TimeoutException {
        LoadShape shape = settings.shape();
        Topics.create(bootstrapServers, shape);
        try (BrokerConnections broker = BrokerConnections.open(HeartbeatBenchmark.address(bootstrapServers),
                shape.connections(), ioThreads, shape.groupIds())) {
            load = new HeartbeatLoad(broker, shape.topicNames(), shape.rebalanceTimeoutMs(), Pacing.brokerInterval(),
                    this::replaceLater);
            onChurnThread(() -> {
                for (int member = 0; member < shape.members(); member++) {
                    active.add(load.join(shape.groupOf(member)));
                }
            });
            if (!load.awaitSettled(shape.members(), SETTLED_AFTER, SETTLE_TIMEOUT)) {
                LOGGER.warn("Groups did not settle within {}; soaking anyway", SETTLE_TIMEOUT);
            }
            long heapStart = heap.usedBytesAfterGc();
            load.stats().snapshot(Duration.ZERO);
            LOGGER.info("{} members joined; soaking for {}", shape.members(), settings.duration());
            long start = System.nanoTime();
            churning = true;
            churn.scheduleAtFixedRate(this::churnTick, CHURN_TICK_MS, CHURN_TICK_MS, TimeUnit.MILLISECONDS);
            Thread.sleep(settings.duration().toMillis());
            churning = false;
            HeartbeatFigures figures = load.stats().snapshot(Duration.ofNanos(System.nanoTime() - start));
            long heapEnd = heap.usedBytesAfterGc();
            SoakReport report = new SoakReport(figures, load.failedMembers(), heapStart, heapEnd);
            if (!load.leaveAll(LEAVE_TIMEOUT)) {
                LOGGER.warn("{} members had not left after {}", load.liveMembers(), LEAVE_TIMEOUT);
            }
            return report;
        } finally {
            churn.shutdownNow();
        }
    }

    private void onChurnThread(Runnable task) throws InterruptedException, ExecutionException {
        churn.submit(task).get();
    }

    /** Lets {@code leavesPerSecond × tick} members leave, carrying fractions over to the next tick. */
    private void churnTick() {
        if (!churning) {
            return;
        }
        leavesOwed += settings.leavesPerSecond() * CHURN_TICK_MS / 1_000.0;
        while (leavesOwed >= 1 && !active.isEmpty()) {
            leavesOwed--;
            SimulatedMember leaving = active.remove(random.nextInt(active.size()));
            load.leave(leaving);
        }
    }

    /** Called on an event loop once a member has left: a new member of its group joins after a random delay. */
    private void replaceLater(SimulatedMember left) {
        if (!churning) {
            return;
        }
        churn.execute(() -> {
            long delayMs = random.nextInt(Math.max(1, left.heartbeatIntervalMs()) + 1);
            churn.schedule(() -> {
                if (churning) {
                    active.add(load.join(left.groupId()));
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        });
    }
}
