package dev.handoff.server.metadata;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;

/**
 * A topic as the catalogue knows it.
 *
 * @param name        topic name
 * @param topicId     KIP-516 topic id, never {@link Uuid#ZERO_UUID}
 * @param partitions  partition count
 * @param configs     topic-level config overrides (Kafka topic config names)
 * @param internal    an internal topic such as {@code __consumer_offsets}
 */
public record TopicMetadata(String name, Uuid topicId, int partitions, Map<String, String> configs,
                            boolean internal) {

    public TopicMetadata {
        configs = Map.copyOf(new TreeMap<>(configs));
    }

    TopicMetadata withPartitions(int count) {
        return new TopicMetadata(name, topicId, count, configs, internal);
    }
}
