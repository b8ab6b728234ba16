package dev.handoff.coordinator.record;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.Uuid;

/**
 * Partitions of one topic in a persisted consumer group assignment.
 *
 * @param topicId    the topic id (KIP-848 assignments are by id, never by name)
 * @param partitions the partition numbers, ascending
 */
public record TopicPartitionsValue(Uuid topicId, List<Integer> partitions) {

    public TopicPartitionsValue {
        Objects.requireNonNull(topicId, "topicId");
        partitions = List.copyOf(partitions);
    }
}
