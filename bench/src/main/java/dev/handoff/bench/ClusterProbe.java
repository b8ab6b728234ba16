package dev.handoff.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Tells when a broker is ready: at its first successful {@code Admin.describeCluster}, the same rule for every
 * broker. It first polls the listener with plain TCP connects every few milliseconds, then asks a fresh admin
 * client: one created while the broker was down sat in its own back-off and noticed readiness up to seconds
 * late.
 */
final class ClusterProbe {

    private static final int CONNECT_TIMEOUT_MS = 100;
    private static final long CONNECT_RETRY_MS = 5;
    private static final int ATTEMPT_TIMEOUT_MS = 1_000;

    private final String host;
    private final int port;

    /**
     * @param bootstrapServers one {@code host:port}
     */
    ClusterProbe(String bootstrapServers) {
        int colon = bootstrapServers.lastIndexOf(':');
        this.host = bootstrapServers.substring(0, colon);
        this.port = Integer.parseInt(bootstrapServers.substring(colon + 1));
    }

    /** Loads and links the admin client's classes, so timing a broker does not count that cost. */
    void warmUp() {
        Admin.create(config()).close(Duration.ZERO);
    }

    /**
     * Waits for the first successful describeCluster.
     *
     * @param stillRunning false once the broker has died, which ends the wait at once
     * @throws IllegalStateException if the broker dies or is not ready within the timeout
     */
    void awaitReady(Duration timeout, BooleanSupplier stillRunning) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!accepts()) {
            throwIfOver(deadline, stillRunning, timeout);
            Thread.sleep(CONNECT_RETRY_MS);
        }
        try (Admin admin = Admin.create(config())) {
            while (true) {
                throwIfOver(deadline, stillRunning, timeout);
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(ATTEMPT_TIMEOUT_MS)).clusterId().get();
                    return;
                } catch (ExecutionException notYet) {
                    // Listening but not serving yet, e.g. a broker that opens its port before it is registered.
                }
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void throwIfOver(long deadline, BooleanSupplier stillRunning, Duration timeout) {
        if (!stillRunning.getAsBoolean()) {
            throw new IllegalStateException("The broker exited before it was ready");
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("The broker was not ready within " + timeout);
        }
    }

    private Properties config() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "handoff-bench-probe");
        return config;
    }
}
