package dev.handoff.server.metadata;

import dev.handoff.log.LogConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigSource;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigType;

/**
 * Describes topic and broker configs with Kafka's names, values and sources: a topic override is a
 * DYNAMIC_TOPIC_CONFIG, a topic default taken from a broker setting in the properties file is a
 * STATIC_BROKER_CONFIG, anything else a DEFAULT_CONFIG. Broker configs are read-only (they cannot be altered).
 */
public final class ConfigDescriber {

    private static final List<TopicConfigDef> TOPIC_CONFIGS = List.of(
            def("cleanup.policy", "log.cleanup.policy", ConfigType.LIST, c -> c.compact() ? "compact" : "delete"),
            def("compression.type", "compression.type", ConfigType.STRING, c -> "producer"),
            def("delete.retention.ms", "log.cleaner.delete.retention.ms", ConfigType.LONG, c -> "86400000"),
            def("file.delete.delay.ms", "log.segment.delete.delay.ms", ConfigType.LONG, c -> "60000"),
            def("flush.messages", "log.flush.interval.messages", ConfigType.LONG, c -> str(c.flushMessages())),
            def("flush.ms", "log.flush.interval.ms", ConfigType.LONG, c -> str(c.flushMs())),
            def("index.interval.bytes", "log.index.interval.bytes", ConfigType.INT,
                    c -> str(c.indexIntervalBytes())),
            def("local.retention.bytes", "log.local.retention.bytes", ConfigType.LONG, c -> "-2"),
            def("local.retention.ms", "log.local.retention.ms", ConfigType.LONG, c -> "-2"),
            def("max.compaction.lag.ms", "log.cleaner.max.compaction.lag.ms", ConfigType.LONG,
                    c -> str(Long.MAX_VALUE)),
            def("max.message.bytes", "message.max.bytes", ConfigType.INT, c -> str(c.maxMessageBytes())),
            def("message.timestamp.after.max.ms", "log.message.timestamp.after.max.ms", ConfigType.LONG,
                    c -> str(c.timestampAfterMaxMs())),
            def("message.timestamp.before.max.ms", "log.message.timestamp.before.max.ms", ConfigType.LONG,
                    c -> str(c.timestampBeforeMaxMs())),
            def("message.timestamp.type", "log.message.timestamp.type", ConfigType.STRING,
                    c -> c.timestampType().toString()),
            def("min.cleanable.dirty.ratio", "log.cleaner.min.cleanable.ratio", ConfigType.DOUBLE, c -> "0.5"),
            def("min.compaction.lag.ms", "log.cleaner.min.compaction.lag.ms", ConfigType.LONG, c -> "0"),
            def("min.insync.replicas", "min.insync.replicas", ConfigType.INT, c -> "1"),
            def("preallocate", "log.preallocate", ConfigType.BOOLEAN, c -> "false"),
            def("retention.bytes", "log.retention.bytes", ConfigType.LONG, c -> str(c.retentionBytes())),
            def("retention.ms", "log.retention.ms", ConfigType.LONG, c -> str(c.retentionMs())),
            def("segment.bytes", "log.segment.bytes", ConfigType.INT, c -> str(c.segmentBytes())),
            def("segment.index.bytes", "log.index.size.max.bytes", ConfigType.INT, c -> str(c.segmentIndexBytes())),
            def("segment.ms", "log.roll.ms", ConfigType.LONG, c -> str(c.segmentMs())),
            def("unclean.leader.election.enable", "unclean.leader.election.enable", ConfigType.BOOLEAN,
                    c -> "false"));

    private final LogConfig brokerDefaults;
    private final Map<String, String> brokerOriginals;
    private final SortedMap<String, String> brokerValues;

    /**
     * @param brokerDefaults   topic defaults derived from the broker settings
     * @param brokerOriginals  the broker properties as given (to tell static settings from defaults)
     * @param brokerValues     the effective value of every broker setting this broker understands
     */
    public ConfigDescriber(LogConfig brokerDefaults, Map<String, String> brokerOriginals,
                           Map<String, String> brokerValues) {
        this.brokerDefaults = brokerDefaults;
        this.brokerOriginals = Map.copyOf(brokerOriginals);
        this.brokerValues = new TreeMap<>(brokerValues);
    }

    /** Every topic config, sorted by name, with the topic's overrides applied. */
    public List<DescribedConfig> topicConfigs(TopicMetadata topic) {
        List<DescribedConfig> result = new ArrayList<>();
        for (TopicConfigDef def : TOPIC_CONFIGS) {
            List<DescribedConfig.Synonym> synonyms = new ArrayList<>();
            String override = topic.configs().get(def.name());
            if (override != null) {
                synonyms.add(new DescribedConfig.Synonym(def.name(), override, ConfigSource.TOPIC_CONFIG));
            }
            String defaultValue = def.value().apply(brokerDefaults);
            if (brokerOriginals.containsKey(def.brokerName())) {
                synonyms.add(new DescribedConfig.Synonym(def.brokerName(), defaultValue,
                        ConfigSource.STATIC_BROKER_CONFIG));
            } else {
                synonyms.add(new DescribedConfig.Synonym(def.brokerName(), defaultValue,
                        ConfigSource.DEFAULT_CONFIG));
            }
            DescribedConfig.Synonym effective = synonyms.get(0);
            result.add(new DescribedConfig(def.name(), effective.value(), effective.source(), false, def.type(),
                    List.copyOf(synonyms)));
        }
        return result;
    }

    /** Every broker setting this broker understands, sorted by name. */
    public List<DescribedConfig> brokerConfigs() {
        List<DescribedConfig> result = new ArrayList<>();
        brokerValues.forEach((name, value) -> {
            ConfigSource source = brokerOriginals.containsKey(name)
                    ? ConfigSource.STATIC_BROKER_CONFIG : ConfigSource.DEFAULT_CONFIG;
            result.add(new DescribedConfig(name, value, source, true, ConfigType.STRING,
                    List.of(new DescribedConfig.Synonym(name, value, source))));
        });
        return result;
    }

    private static String str(long value) {
        return Long.toString(value);
    }

    private static TopicConfigDef def(String name, String brokerName, ConfigType type,
                                      Function<LogConfig, String> value) {
        return new TopicConfigDef(name, brokerName, type, value);
    }

    private record TopicConfigDef(String name, String brokerName, ConfigType type,
                                  Function<LogConfig, String> value) {
    }
}
