package dev.handoff.coordinator.consumer;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * What the coordinator knows about one topic.
 *
 * @param id             the topic id
 * @param name           the topic name
 * @param partitionCount the number of partitions
 * @param partitionRacks {@code partitionRacks.get(p)} are the racks of partition {@code p}'s replicas; empty
 *                       when brokers have no rack
 */
public record TopicImage(Uuid id, String name, int partitionCount, List<Set<String>> partitionRacks) {

    public TopicImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (partitionCount < 0) {
            throw new IllegalArgumentException("Negative partition count " + partitionCount);
        }
        partitionRacks = partitionRacks.stream().map(Set::copyOf).toList();
    }

    /** A topic whose brokers have no rack. */
    public static TopicImage of(Uuid id, String name, int partitionCount) {
        return new TopicImage(id, name, partitionCount, List.of());
    }

    /** The racks of one partition's replicas; empty when unknown. */
    public Set<String> racks(int partition) {
        return partition < partitionRacks.size() ? partitionRacks.get(partition) : Set.of();
    }
}
