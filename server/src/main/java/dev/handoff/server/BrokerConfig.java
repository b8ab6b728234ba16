package dev.handoff.server;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.recorder.FlightRecorderConfig;
import dev.handoff.log.LogConfig;
import dev.handoff.log.LogStoreSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * The broker's settings, read from Kafka-named properties with Kafka's defaults (see {@link BrokerConfigParser}).
 *
 * @param nodeId                        {@code node.id}
 * @param listener                      {@code listeners} (first PLAINTEXT entry)
 * @param advertisedListener            {@code advertised.listeners}, empty = the bound listener
 * @param dataDir                       {@code log.dirs} (first entry) or {@code log.dir}
 * @param numPartitions                 {@code num.partitions}
 * @param autoCreateTopicsEnable        {@code auto.create.topics.enable}
 * @param defaultReplicationFactor      {@code default.replication.factor}
 * @param socketRequestMaxBytes         {@code socket.request.max.bytes}
 * @param logConfig                     the topic defaults derived from the {@code log.*} and
 *                                      {@code message.max.bytes} settings
 * @param logStoreSettings              {@code producer.id.expiration.ms} and {@code log.segment.delete.delay.ms}
 * @param logRetentionCheckIntervalMs   {@code log.retention.check.interval.ms}
 * @param logFlushSchedulerIntervalMs   how often the flush check runs: {@code log.flush.interval.ms} if set,
 *                                      else {@code log.flush.scheduler.interval.ms}
 * @param connectionsMaxIdleMs          {@code connections.max.idle.ms}
 * @param maxConnections                {@code max.connections}: connections beyond it are closed on accept
 * @param numNetworkThreads             {@code num.network.threads}: socket event loop threads
 * @param numIoThreads                  {@code num.io.threads}: request handler threads
 * @param clusterId                     {@code cluster.id}; when empty one is generated and kept in
 *                                      {@code meta.properties}
 * @param originals                     every property as given, for the settings other modules read
 *                                      ({@code group.*}) and for DescribeConfigs sources
 */
public record BrokerConfig(int nodeId, Endpoint listener, Optional<Endpoint> advertisedListener, Path dataDir,
                           int numPartitions, boolean autoCreateTopicsEnable, short defaultReplicationFactor,
                           int socketRequestMaxBytes, LogConfig logConfig, LogStoreSettings logStoreSettings,
                           long logRetentionCheckIntervalMs,
                           long logFlushSchedulerIntervalMs, long connectionsMaxIdleMs, int maxConnections,
                           int numNetworkThreads,
                           int numIoThreads, Optional<String> clusterId, Map<String, String> originals) {

    public BrokerConfig {
        originals = Map.copyOf(originals);
    }

    /**
     * Builds the config from Kafka-named properties.
     *
     * @throws org.apache.kafka.common.config.ConfigException for a malformed value
     */
    public static BrokerConfig from(Map<String, String> properties) {
        return BrokerConfigParser.parse(properties);
    }

    /** The group coordinator's {@code group.*}, {@code offsets.*} and {@code offset.*} settings. */
    public GroupCoordinatorConfig groupCoordinatorConfig() {
        return GroupCoordinatorConfig.fromProperties(originals);
    }

    /** Handoff's {@code metrics.listener}: where the Prometheus endpoint and the console listen; empty = off. */
    public static final String METRICS_LISTENER = "metrics.listener";

    /** @return the HTTP listener's address, if {@code metrics.listener} is set (e.g. {@code http://127.0.0.1:9100}) */
    public Optional<Endpoint> metricsListener() {
        return Optional.ofNullable(originals.get(METRICS_LISTENER)).map(String::trim).filter(v -> !v.isEmpty())
                .map(BrokerConfig::parseHttpListener);
    }

    /** Parses {@code http://host:port}; port 0 asks for an ephemeral port. */
    static Endpoint parseHttpListener(String value) {
        String prefix = "http://";
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new ConfigException(METRICS_LISTENER, value, "expected http://host:port");
        }
        return Endpoint.parse(METRICS_LISTENER, "PLAINTEXT://" + value.substring(prefix.length()));
    }

    /** The flight recorder's {@code handoff.flight.recorder.*} settings. */
    public FlightRecorderConfig flightRecorderConfig() {
        return FlightRecorderConfig.fromProperties(originals);
    }

    /** The effective value of every setting this broker understands, by Kafka name (DescribeConfigs). */
    public Map<String, String> effectiveValues() {
        Map<String, String> values = new TreeMap<>();
        values.put("node.id", Integer.toString(nodeId));
        values.put("listeners", "PLAINTEXT://" + listener.host() + ":" + listener.port());
        advertisedListener.ifPresent(a -> values.put("advertised.listeners",
                "PLAINTEXT://" + a.host() + ":" + a.port()));
        values.put("log.dirs", dataDir.toString());
        values.put("num.partitions", Integer.toString(numPartitions));
        values.put("auto.create.topics.enable", Boolean.toString(autoCreateTopicsEnable));
        values.put("default.replication.factor", Short.toString(defaultReplicationFactor));
        values.put("socket.request.max.bytes", Integer.toString(socketRequestMaxBytes));
        values.put("log.segment.bytes", Long.toString(logConfig.segmentBytes()));
        values.put("log.roll.ms", Long.toString(logConfig.segmentMs()));
        values.put("log.retention.ms", Long.toString(logConfig.retentionMs()));
        values.put("log.retention.bytes", Long.toString(logConfig.retentionBytes()));
        values.put("log.flush.interval.messages", Long.toString(logConfig.flushMessages()));
        values.put("log.flush.interval.ms", Long.toString(logConfig.flushMs()));
        values.put("log.retention.check.interval.ms", Long.toString(logRetentionCheckIntervalMs));
        values.put("message.max.bytes", Integer.toString(logConfig.maxMessageBytes()));
        values.put("log.message.timestamp.type", logConfig.timestampType().toString());
        values.put("log.cleanup.policy", logConfig.compact() ? "compact" : "delete");
        values.put("connections.max.idle.ms", Long.toString(connectionsMaxIdleMs));
        values.put("max.connections", Integer.toString(maxConnections));
        values.put("num.network.threads", Integer.toString(numNetworkThreads));
        values.put("num.io.threads", Integer.toString(numIoThreads));
        values.put("producer.id.expiration.ms", Long.toString(logStoreSettings.producerIdExpirationMs()));
        values.put("log.segment.delete.delay.ms", Long.toString(logStoreSettings.fileDeleteDelayMs()));
        return values;
    }
}
