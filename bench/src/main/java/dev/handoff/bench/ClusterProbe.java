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
 * broker. The admin client is created before the broker is launched, so its start-up is not counted, and it
 * retries every few milliseconds, so it notices readiness within about 20 ms.
 */
final class ClusterProbe implements AutoCloseable {

    private static final int ATTEMPT_TIMEOUT_MS = 1_000;
    private static final String FAST_BACKOFF_MS = "10";
    private static final String MAX_BACKOFF_MS = "20";

    private final Admin admin;

    ClusterProbe(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "handoff-bench-probe");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, FAST_BACKOFF_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, MAX_BACKOFF_MS);
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, FAST_BACKOFF_MS);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, MAX_BACKOFF_MS);
        this.admin = Admin.create(config);
    }

    /**
     * Waits for the first successful describeCluster.
     *
     * @param stillRunning false once the broker has died, which ends the wait at once
     * @throws IllegalStateException if the broker dies or is not ready within the timeout
     */
    void awaitReady(Duration timeout, BooleanSupplier stillRunning) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException("The broker exited before it was ready");
            }
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(ATTEMPT_TIMEOUT_MS)).clusterId().get();
                return;
            } catch (ExecutionException notYet) {
                // A timed-out or refused attempt: the broker is still starting.
            }
        }
        throw new IllegalStateException("The broker was not ready within " + timeout);
    }

    @Override
    public void close() {
        admin.close(Duration.ZERO);
    }
}
