package dev.handoff.testkit;

import dev.handoff.server.BrokerConfig;
import dev.handoff.server.BrokerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-process Handoff broker for tests: one ephemeral port on the loopback address, one data directory.
 *
 * <pre>{@code
 * try (EmbeddedHandoff broker = EmbeddedHandoff.builder().brokerProperty("num.partitions", "3").start()) {
 *     Properties props = new Properties();
 *     props.put("bootstrap.servers", broker.bootstrapServers());
 *     ...
 * }
 * }</pre>
 *
 * <p>Broker properties use Kafka's names; {@code metrics.listener=http://127.0.0.1:0} adds the web console and
 * the Prometheus endpoint on a free port ({@link #consoleUrl()}). The data directory is a fresh temporary directory that is deleted on
 * {@link #close()}, unless the builder was given a directory or asked to keep it. {@link #stop()} and
 * {@link #start()} (or {@link #restart()}) keep the data and the port, so tests can check what survives a
 * restart and tamper with the files while the broker is down.
 *
 * <p>Not thread-safe: start, stop and close it from one thread.
 */
public final class EmbeddedHandoff implements AutoCloseable {

    /** Loopback literal, so nothing here ever waits for a name lookup. */
    private static final String LOOPBACK = "127.0.0.1";

    /** A test broker serves a handful of connections: small thread pools start faster than Kafka's defaults. */
    private static final Map<String, String> TEST_DEFAULTS = Map.of(
            "num.network.threads", "1",
            "num.io.threads", "2");

    private final Map<String, String> properties;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private BrokerServer server;
    private int port;
    private boolean closed;

    private EmbeddedHandoff(Map<String, String> properties, Path dataDir, boolean deleteDataDirOnClose, int port) {
        this.properties = properties;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.port = port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker with the default settings. */
    public static EmbeddedHandoff startDefault() {
        return builder().start();
    }

    /**
     * Starts the broker; after a {@link #stop()} it comes back on the same port and data directory. If that
     * port has been taken in the meantime it falls back to a new ephemeral port.
     *
     * @throws IllegalStateException if it is already running or closed
     */
    public EmbeddedHandoff start() {
        if (closed) {
            throw new IllegalStateException("This broker has been closed");
        }
        if (server != null) {
            throw new IllegalStateException("The broker is already running on " + bootstrapServers());
        }
        try {
            server = BrokerServer.start(config(port));
        } catch (Exception e) {
            // Netty rethrows the BindException unchecked-ly, so catch wide and rethrow precisely.
            if (port == 0 || !isBindFailure(e)) {
                throw e;
            }
            server = BrokerServer.start(config(0));
        }
        port = server.boundAddress().getPort();
        return this;
    }

    /** Stops the broker cleanly and keeps its data and port for a later {@link #start()}. */
    public void stop() {
        if (server != null) {
            BrokerServer running = server;
            server = null;
            running.close();
        }
    }

    /** Stops and starts the broker on the same data directory and, if possible, the same port. */
    public EmbeddedHandoff restart() {
        stop();
        return start();
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code host:port} for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + address().getPort();
    }

    public InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("The broker is not running");
        }
        return server.boundAddress();
    }

    /**
     * The web console's URL, e.g. {@code http://127.0.0.1:41234/}, when {@code metrics.listener} is configured
     * (port {@code 0} picks a free one, which this URL names); empty otherwise. The Prometheus endpoint is
     * {@code metrics} under the same URL.
     *
     * @throws IllegalStateException if the broker is not running
     */
    public Optional<String> consoleUrl() {
        if (server == null) {
            throw new IllegalStateException("The broker is not running");
        }
        return server.consoleUrl();
    }

    /** The broker's {@code log.dirs}. */
    public Path dataDir() {
        return dataDir;
    }

    /** The broker properties it starts with, without the listener (always the loopback address). */
    public Map<String, String> brokerProperties() {
        return Map.copyOf(properties);
    }

    /** Stops the broker and deletes the data directory if it was a temporary one. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (deleteDataDirOnClose) {
                TempDirs.deleteRecursively(dataDir);
            }
        }
    }

    private BrokerConfig config(int listenerPort) {
        Map<String, String> effective = new LinkedHashMap<>(properties);
        effective.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + listenerPort);
        return BrokerConfig.from(effective);
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** Collects broker properties; {@link #start()} builds and starts the broker. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>(TEST_DEFAULTS);
        private Path dataDir;
        private boolean keepDataDir;

        private Builder() {
        }

        /** Sets a broker property by its Kafka name, e.g. {@code num.partitions} or {@code log.segment.bytes}. */
        public Builder brokerProperty(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if ("listeners".equals(name) || "log.dirs".equals(name)) {
                throw new IllegalArgumentException(
                        name + " is managed by EmbeddedHandoff; use dataDir(...) for log.dirs");
            }
            properties.put(name, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> more) {
            more.forEach(this::brokerProperty);
            return this;
        }

        /** Uses this directory for the data instead of a temporary one; it is kept on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Keeps the temporary data directory on close, e.g. to inspect it after a failure. */
        public Builder keepDataDir(boolean keep) {
            this.keepDataDir = keep;
            return this;
        }

        /** Creates the broker without starting it. */
        public EmbeddedHandoff build() {
            Path dir = dataDir != null ? dataDir : TempDirs.create();
            boolean deleteOnClose = dataDir == null && !keepDataDir;
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + dir, e);
            }
            Map<String, String> effective = new LinkedHashMap<>(properties);
            effective.put("log.dirs", dir.toAbsolutePath().toString());
            return new EmbeddedHandoff(effective, dir, deleteOnClose, 0);
        }

        /** Creates and starts the broker. */
        public EmbeddedHandoff start() {
            EmbeddedHandoff broker = build();
            try {
                return broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
    }
}
