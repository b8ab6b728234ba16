package dev.handoff.cli;

import dev.handoff.server.BrokerConfig;
import dev.handoff.server.BrokerServer;
import dev.handoff.server.ClassPreloading;
import dev.handoff.server.ListenerSocket;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the broker, then blocks until the JVM is asked to shut down (SIGINT, SIGTERM), and closes it cleanly. */
final class ForegroundBrokerRunner implements BrokerRunner {

    private static final Logger LOGGER = LoggerFactory.getLogger(ForegroundBrokerRunner.class);

    private final ClassPreloading preloading;

    ForegroundBrokerRunner() {
        this(ClassPreloading.NONE);
    }

    /** @param preloading started before logging was set up; the broker start waits for its parts */
    ForegroundBrokerRunner(ClassPreloading preloading) {
        this.preloading = preloading;
    }

    @Override
    public int run(BrokerConfig config) throws InterruptedException {
        long startNanos = System.nanoTime();
        // Bound while the preloader still runs: clients can connect from here on and are served once the broker
        // is ready, so their connection set-up overlaps the rest of the start.
        ListenerSocket listener = ListenerSocket.bind(config.listener());
        BrokerServer server = BrokerServer.start(config, Clock.systemUTC(), listener, preloading);
        long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOGGER.info("Handoff shutting down");
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
            LOGGER.info("Handoff stopped");
        }, "handoff-shutdown"));
        // The launcher's class data sharing training run reads the port from this line.
        LOGGER.info("Handoff started in {} ms on PLAINTEXT://{} (data in {})",
                startedMs, server.bootstrapServers(), config.dataDir().toAbsolutePath().normalize());
        stopped.await();
        return 0;
    }
}
