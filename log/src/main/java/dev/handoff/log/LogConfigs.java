package dev.handoff.log;

import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.record.TimestampType;

/** Applies Kafka topic-config overrides to a {@link LogConfig}. */
final class LogConfigs {

    private LogConfigs() {
    }

    static LogConfig apply(LogConfig base, Map<String, String> overrides) {
        LogConfig c = base;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            c = apply(c, e.getKey(), e.getValue());
        }
        return c;
    }

    private static LogConfig apply(LogConfig c, String name, String value) {
        return switch (name) {
            case "segment.bytes" -> new LogConfig(positiveLong(name, value), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), c.compact());
            case "segment.ms" -> new LogConfig(c.segmentBytes(), positiveLong(name, value), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), c.compact());
            case "retention.ms" -> new LogConfig(c.segmentBytes(), c.segmentMs(), atLeastMinusOne(name, value),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), c.compact());
            case "retention.bytes" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    atLeastMinusOne(name, value), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(),
                    c.segmentIndexBytes(), c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(),
                    c.timestampAfterMaxMs(), c.compact());
            case "flush.messages" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(), c.retentionBytes(),
                    positiveLong(name, value), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), c.compact());
            case "flush.ms" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(), c.retentionBytes(),
                    c.flushMessages(), nonNegativeLong(name, value), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), c.compact());
            case "index.interval.bytes" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), (int) nonNegativeLong(name, value),
                    c.segmentIndexBytes(), c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(),
                    c.timestampAfterMaxMs(), c.compact());
            case "segment.index.bytes" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(),
                    (int) positiveLong(name, value), c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(),
                    c.timestampAfterMaxMs(), c.compact());
            case "max.message.bytes" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    (int) nonNegativeLong(name, value), c.timestampType(), c.timestampBeforeMaxMs(),
                    c.timestampAfterMaxMs(), c.compact());
            case "message.timestamp.type" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), timestampType(value), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(),
                    c.compact());
            case "message.timestamp.before.max.ms" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), nonNegativeLong(name, value), c.timestampAfterMaxMs(),
                    c.compact());
            case "message.timestamp.after.max.ms" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(),
                    c.retentionBytes(), c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(),
                    c.maxMessageBytes(), c.timestampType(), c.timestampBeforeMaxMs(), nonNegativeLong(name, value),
                    c.compact());
            case "cleanup.policy" -> new LogConfig(c.segmentBytes(), c.segmentMs(), c.retentionMs(), c.retentionBytes(),
                    c.flushMessages(), c.flushMs(), c.indexIntervalBytes(), c.segmentIndexBytes(), c.maxMessageBytes(),
                    c.timestampType(), c.timestampBeforeMaxMs(), c.timestampAfterMaxMs(), compact(value));
            // Accepted and stored by the topic catalogue, but with no effect on a single-node log.
            case "compression.type", "min.insync.replicas", "unclean.leader.election.enable",
                 "message.downconversion.enable", "preallocate", "file.delete.delay.ms",
                 "min.compaction.lag.ms", "max.compaction.lag.ms", "delete.retention.ms",
                 "min.cleanable.dirty.ratio", "local.retention.ms", "local.retention.bytes" -> c;
            default -> throw new ConfigException("Unknown topic config name: " + name);
        };
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ConfigException(name, value, "not a number");
        }
    }

    private static long positiveLong(String name, String value) {
        long v = parse(name, value);
        if (v <= 0) {
            throw new ConfigException(name, value, "must be positive");
        }
        return v;
    }

    private static long nonNegativeLong(String name, String value) {
        long v = parse(name, value);
        if (v < 0) {
            throw new ConfigException(name, value, "must not be negative");
        }
        return v;
    }

    private static long atLeastMinusOne(String name, String value) {
        long v = parse(name, value);
        if (v < -1) {
            throw new ConfigException(name, value, "must be -1 (unlimited) or more");
        }
        return v;
    }

    private static TimestampType timestampType(String value) {
        return switch (value == null ? "" : value.trim()) {
            case "CreateTime" -> TimestampType.CREATE_TIME;
            case "LogAppendTime" -> TimestampType.LOG_APPEND_TIME;
            default -> throw new ConfigException("message.timestamp.type", value, "must be CreateTime or LogAppendTime");
        };
    }

    private static boolean compact(String value) {
        boolean compact = false;
        for (String policy : (value == null ? "" : value).split(",")) {
            switch (policy.trim().toLowerCase(Locale.ROOT)) {
                case "compact" -> compact = true;
                case "delete" -> { }
                default -> throw new ConfigException("cleanup.policy", value, "must be delete, compact or both");
            }
        }
        return compact;
    }
}
