package dev.handoff.log;

import java.util.Map;
import org.apache.kafka.common.record.TimestampType;

/**
 * Per-partition log settings, named after Kafka's topic configs; the defaults are Kafka's broker defaults.
 *
 * @param segmentBytes                 {@code segment.bytes} (broker: {@code log.segment.bytes})
 * @param segmentMs                    {@code segment.ms} (broker: {@code log.roll.ms})
 * @param retentionMs                  {@code retention.ms}, -1 = unlimited
 * @param retentionBytes               {@code retention.bytes}, -1 = unlimited
 * @param flushMessages                {@code flush.messages} (broker: {@code log.flush.interval.messages})
 * @param flushMs                      {@code flush.ms} (broker: {@code log.flush.interval.ms})
 * @param indexIntervalBytes           {@code index.interval.bytes}
 * @param segmentIndexBytes            {@code segment.index.bytes}
 * @param maxMessageBytes              {@code max.message.bytes}
 * @param timestampType                {@code message.timestamp.type}
 * @param timestampBeforeMaxMs         {@code message.timestamp.before.max.ms}
 * @param timestampAfterMaxMs          {@code message.timestamp.after.max.ms}
 * @param compact                      {@code cleanup.policy} contains {@code compact}
 */
public record LogConfig(long segmentBytes, long segmentMs, long retentionMs, long retentionBytes,
                        long flushMessages, long flushMs, int indexIntervalBytes, int segmentIndexBytes,
                        int maxMessageBytes, TimestampType timestampType, long timestampBeforeMaxMs,
                        long timestampAfterMaxMs, boolean compact) {

    public static final LogConfig DEFAULTS = new LogConfig(
            1024L * 1024 * 1024, 7L * 24 * 60 * 60 * 1000, 7L * 24 * 60 * 60 * 1000, -1,
            Long.MAX_VALUE, Long.MAX_VALUE, 4096, 10 * 1024 * 1024,
            1024 * 1024 + 12, TimestampType.CREATE_TIME, Long.MAX_VALUE, 60L * 60 * 1000, false);

    /**
     * This config with topic-level overrides applied, keyed by Kafka's topic config names.
     *
     * @throws org.apache.kafka.common.config.ConfigException for an unknown name or a malformed value
     */
    public LogConfig withOverrides(Map<String, String> topicConfigs) {
        return LogConfigs.apply(this, topicConfigs);
    }
}
