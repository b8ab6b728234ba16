package dev.handoff.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Tells when a broker is ready: at its first successful {@code Admin.describeCluster}, the same rule for every
 * broker. The admin client is created before the broker is launched, so its own set-up (threads, class loading) is
 * not counted, and it reconnects and retries every few milliseconds instead of backing off exponentially to a
 * second, which would notice readiness up to a second late.
 */
final class ClusterProbe implements AutoCloseable {

    private static final String RETRY_MS = "5";
    private static final int ATTEMPT_TIMEOUT_MS = 1_000;

    private final Admin admin;

    /**
     * @param bootstrapServers one {@code host:port}; the broker need not be listening yet
     */
    ClusterProbe(String bootstrapServers) {
        this.admin = Admin.create(config(bootstrapServers));
    }

    /**
     * Waits for the first successful describeCluster.
     *
     * @param stillRunning false once the broker has died, which ends the wait at once
     * @throws IllegalStateException if the broker dies or is not ready within the timeout
     */
    void awaitReady(Duration timeout, BooleanSupplier stillRunning) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            throwIfOver(deadline, stillRunning, timeout);
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(ATTEMPT_TIMEOUT_MS)).clusterId().get();
                return;
            } catch (ExecutionException notYet) {
                // Not listening yet, or listening but not serving yet (a broker that opens its port early).
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }

    private static void throwIfOver(long deadline, BooleanSupplier stillRunning, Duration timeout) {
        if (!stillRunning.getAsBoolean()) {
            throw new IllegalStateException("The broker exited before it was ready");
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The broker was not ready within " + timeout);
        }
    }

    private static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "handoff-bench-probe");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, RETRY_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RETRY_MS);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, RETRY_MS);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_MS);
        return config;
    }
}
