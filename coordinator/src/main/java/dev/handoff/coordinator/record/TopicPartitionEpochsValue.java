package dev.handoff.coordinator.record;

import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.Uuid;

/**
 * Partitions of one topic a member owns, each with the epoch at which it was given (KIP-1251; Kafka's
 * {@code ConsumerGroupCurrentMemberAssignmentValue.TopicPartitions} with {@code AssignmentEpochs}).
 *
 * @param topicId    the topic id
 * @param partitions the partition numbers, ascending
 * @param epochs     {@code epochs.get(i)} is the assignment epoch of {@code partitions.get(i)}
 */
public record TopicPartitionEpochsValue(Uuid topicId, List<Integer> partitions, List<Integer> epochs) {

    public TopicPartitionEpochsValue {
        Objects.requireNonNull(topicId, "topicId");
        partitions = List.copyOf(partitions);
        epochs = List.copyOf(epochs);
        if (partitions.size() != epochs.size()) {
            throw new IllegalArgumentException("One epoch per partition expected");
        }
    }
}
