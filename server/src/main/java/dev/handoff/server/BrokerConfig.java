package dev.handoff.server;

import dev.handoff.log.LogConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
 * @param logRetentionCheckIntervalMs   {@code log.retention.check.interval.ms}
 * @param logFlushSchedulerIntervalMs   how often the flush check runs: {@code log.flush.interval.ms} if set,
 *                                      else {@code log.flush.scheduler.interval.ms}
 * @param connectionsMaxIdleMs          {@code connections.max.idle.ms}
 * @param numNetworkThreads             {@code num.network.threads}: socket event loop threads
 * @param numIoThreads                  {@code num.io.threads}: request handler threads
 * @param clusterId                     {@code cluster.id}; when empty one is generated and kept in
 *                                      {@code meta.properties}
 * @param originals                     every property as given, for the settings other modules read
 *                                      ({@code group.*}) and for DescribeConfigs sources
 */
public record BrokerConfig(int nodeId, Endpoint listener, Optional<Endpoint> advertisedListener, Path dataDir,
                           int numPartitions, boolean autoCreateTopicsEnable, short defaultReplicationFactor,
                           int socketRequestMaxBytes, LogConfig logConfig, long logRetentionCheckIntervalMs,
                           long logFlushSchedulerIntervalMs, long connectionsMaxIdleMs, int numNetworkThreads,
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

    /** A copy with one property changed, re-validated. */
    public BrokerConfig with(String name, String value) {
        Map<String, String> props = new HashMap<>(originals);
        props.put(name, value);
        return from(props);
    }
}
