package dev.handoff.server;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.recorder.FlightRecorderConfig;
import dev.handoff.log.LogConfig;
import dev.handoff.log.LogStoreSettings;
import dev.handoff.server.metadata.PartitionRacks;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads Kafka-named broker properties, applying Kafka's defaults and precedence rules. */
final class BrokerConfigParser {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerConfigParser.class);

    /** Names this broker understands; anything else is logged once (Kafka has hundreds of settings). */
    private static final Set<String> KNOWN = Set.of(
            "node.id", "broker.id", "listeners", "advertised.listeners", "log.dirs", "log.dir", "num.partitions",
            "auto.create.topics.enable", "default.replication.factor", "socket.request.max.bytes",
            "log.segment.bytes", "log.roll.ms", "log.roll.hours", "log.retention.ms", "log.retention.minutes",
            "log.retention.hours", "log.retention.bytes", "log.flush.interval.messages", "log.flush.interval.ms",
            "log.flush.scheduler.interval.ms", "log.retention.check.interval.ms", "message.max.bytes",
            "log.message.timestamp.type", "log.message.timestamp.before.max.ms",
            "log.message.timestamp.after.max.ms", "log.cleanup.policy", "log.index.interval.bytes",
            "log.index.size.max.bytes", "connections.max.idle.ms", "max.connections", "num.io.threads", "num.network.threads",
            "cluster.id", "producer.id.expiration.ms", "log.segment.delete.delay.ms", BrokerConfig.METRICS_LISTENER,
            FlightRecorderConfig.ENABLE, FlightRecorderConfig.EVENTS_PER_GROUP, FlightRecorderConfig.GROUPS);

    private static final long HOUR_MS = 60L * 60 * 1000;

    private BrokerConfigParser() {
    }

    static BrokerConfig parse(Map<String, String> props) {
        warnAboutUnknown(props);
        Reader r = new Reader(props);
        int nodeId = r.intValue("node.id", r.intValue("broker.id", 1));
        if (nodeId < 0) {
            throw new ConfigException("node.id", nodeId, "must not be negative");
        }
        Endpoint listener = Endpoint.parse("listeners", r.string("listeners", "PLAINTEXT://127.0.0.1:9092"));
        Optional<Endpoint> advertised = r.optional("advertised.listeners")
                .map(v -> Endpoint.parse("advertised.listeners", v));
        String dirs = r.string("log.dirs", r.string("log.dir", "./data"));
        Path dataDir = Path.of(dirs.split(",")[0].trim());
        validateGroupCoordinatorConfig(props);
        validateObservabilityConfig(r);
        // A malformed rack map fails at parse time too; the group coordinator reads it again from originals().
        PartitionRacks.fromProperties(props);
        return new BrokerConfig(nodeId, listener, advertised, dataDir,
                r.positiveInt("num.partitions", 1),
                r.bool("auto.create.topics.enable", true),
                (short) r.positiveInt("default.replication.factor", 1),
                r.positiveInt("socket.request.max.bytes", 104_857_600),
                logConfig(r),
                new LogStoreSettings(
                        r.positiveLong("producer.id.expiration.ms", LogStoreSettings.DEFAULTS.producerIdExpirationMs()),
                        r.longValue("log.segment.delete.delay.ms", LogStoreSettings.DEFAULTS.fileDeleteDelayMs())),
                r.positiveLong("log.retention.check.interval.ms", 300_000L),
                r.positiveLong("log.flush.interval.ms", r.positiveLong("log.flush.scheduler.interval.ms", Long.MAX_VALUE)),
                r.longValue("connections.max.idle.ms", 600_000L),
                r.positiveInt("max.connections", Integer.MAX_VALUE),
                r.positiveInt("num.network.threads", 3),
                r.positiveInt("num.io.threads", 8),
                r.optional("cluster.id"),
                props);
    }

    /** Broker-level {@code log.*} settings are the defaults of the matching topic configs. */
    private static LogConfig logConfig(Reader r) {
        long rollMs = r.optional("log.roll.ms").isPresent()
                ? r.positiveLong("log.roll.ms", 0)
                : r.positiveLong("log.roll.hours", 168) * HOUR_MS;
        long retentionMs;
        if (r.optional("log.retention.ms").isPresent()) {
            retentionMs = r.longValue("log.retention.ms", 0);
        } else if (r.optional("log.retention.minutes").isPresent()) {
            retentionMs = r.longValue("log.retention.minutes", 0) * 60_000L;
        } else {
            retentionMs = r.longValue("log.retention.hours", 168) * HOUR_MS;
        }
        // Kafka treats any negative retention as unlimited.
        retentionMs = retentionMs < 0 ? -1 : retentionMs;
        LogConfig d = LogConfig.DEFAULTS;
        return new LogConfig(
                r.positiveLong("log.segment.bytes", d.segmentBytes()),
                rollMs,
                retentionMs,
                Math.max(-1, r.longValue("log.retention.bytes", d.retentionBytes())),
                r.positiveLong("log.flush.interval.messages", d.flushMessages()),
                r.positiveLong("log.flush.interval.ms", d.flushMs()),
                r.positiveInt("log.index.interval.bytes", d.indexIntervalBytes()),
                r.positiveInt("log.index.size.max.bytes", d.segmentIndexBytes()),
                r.positiveInt("message.max.bytes", d.maxMessageBytes()),
                d.withOverrides(Map.of("message.timestamp.type",
                        r.string("log.message.timestamp.type", "CreateTime"))).timestampType(),
                r.positiveLong("log.message.timestamp.before.max.ms", d.timestampBeforeMaxMs()),
                r.positiveLong("log.message.timestamp.after.max.ms", d.timestampAfterMaxMs()),
                r.string("log.cleanup.policy", "delete").toLowerCase(Locale.ROOT).contains("compact"));
    }

    /** The HTTP listener and the flight recorder read their settings from originals(); a bad value fails here. */
    private static void validateObservabilityConfig(Reader r) {
        r.optional(BrokerConfig.METRICS_LISTENER).map(String::trim).filter(v -> !v.isEmpty())
                .ifPresent(BrokerConfig::parseHttpListener);
        try {
            FlightRecorderConfig.fromProperties(r.props());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The coordinator reads its settings itself; checking them here makes a bad value fail at parse time. */
    private static void validateGroupCoordinatorConfig(Map<String, String> props) {
        try {
            GroupCoordinatorConfig.fromProperties(props);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void warnAboutUnknown(Map<String, String> props) {
        Set<String> unknown = new TreeSet<>();
        for (String name : props.keySet()) {
            // group.*, offsets.* and offset.* settings belong to the group coordinator, which reads them from
            // originals(), as does the partition rack map.
            if (!KNOWN.contains(name) && !name.startsWith("group.") && !name.startsWith("offsets.")
                    && !name.startsWith("offset.") && !name.startsWith(PartitionRacks.PARTITION_RACKS)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            LOGGER.warn("Ignoring unknown or unsupported broker settings: {}", unknown);
        }
    }

    /** Typed access with a clear message for malformed values. */
    private record Reader(Map<String, String> props) {

        Optional<String> optional(String name) {
            String v = props.get(name);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        String string(String name, String defaultValue) {
            return optional(name).orElse(defaultValue);
        }

        long longValue(String name, long defaultValue) {
            Optional<String> v = optional(name);
            if (v.isEmpty()) {
                return defaultValue;
            }
            try {
                return Long.parseLong(v.get());
            } catch (NumberFormatException e) {
                throw new ConfigException(name, v.get(), "expected a whole number");
            }
        }

        int intValue(String name, int defaultValue) {
            long v = longValue(name, defaultValue);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new ConfigException(name, v, "out of range for an int");
            }
            return (int) v;
        }

        long positiveLong(String name, long defaultValue) {
            long v = longValue(name, defaultValue);
            if (v <= 0) {
                throw new ConfigException(name, v, "must be positive");
            }
            return v;
        }

        int positiveInt(String name, int defaultValue) {
            int v = intValue(name, defaultValue);
            if (v <= 0) {
                throw new ConfigException(name, v, "must be positive");
            }
            return v;
        }

        boolean bool(String name, boolean defaultValue) {
            Optional<String> v = optional(name);
            if (v.isEmpty()) {
                return defaultValue;
            }
            return switch (v.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigException(name, v.get(), "expected true or false");
            };
        }
    }
}
