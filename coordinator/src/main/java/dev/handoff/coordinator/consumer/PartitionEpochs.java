package dev.handoff.coordinator.consumer;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.kafka.common.Uuid;

import dev.handoff.coordinator.assignor.PartitionSet;

/**
 * Partitions of a member with the epoch at which each was given to it (KIP-1251: offset commits from an
 * older epoch are accepted for a partition only if that epoch is not below the partition's).
 * Immutable; topics and partitions iterate in sorted order.
 */
public final class PartitionEpochs {

    public static final PartitionEpochs EMPTY = new PartitionEpochs(Collections.unmodifiableSortedMap(new TreeMap<>()));

    private final SortedMap<Uuid, SortedMap<Integer, Integer>> epochs;

    private PartitionEpochs(SortedMap<Uuid, SortedMap<Integer, Integer>> epochs) {
        this.epochs = epochs;
    }

    /** All partitions of {@code partitions}, each given at {@code epoch}. */
    public static PartitionEpochs of(Map<Uuid, PartitionSet> partitions, int epoch) {
        Builder builder = new Builder();
        partitions.forEach((topicId, set) -> set.forEach(p -> builder.put(topicId, p, epoch)));
        return builder.build();
    }

    /** The epoch at which the partition was given, or -1 if the member does not have it. */
    public int epochOf(Uuid topicId, int partition) {
        SortedMap<Integer, Integer> topic = epochs.get(topicId);
        Integer epoch = topic == null ? null : topic.get(partition);
        return epoch == null ? -1 : epoch;
    }

    public boolean contains(Uuid topicId, int partition) {
        return epochOf(topicId, partition) >= 0;
    }

    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** Topic id to partition to epoch, unmodifiable. */
    public SortedMap<Uuid, SortedMap<Integer, Integer>> epochs() {
        return epochs;
    }

    /** The partitions without their epochs, as the heartbeat response and the assignors see them. */
    public Map<Uuid, PartitionSet> partitions() {
        Map<Uuid, PartitionSet> result = new TreeMap<>();
        epochs.forEach((topicId, partitions) -> result.put(topicId, PartitionSet.of(partitions.keySet())));
        return Collections.unmodifiableMap(result);
    }

    public int size() {
        int size = 0;
        for (SortedMap<Integer, Integer> partitions : epochs.values()) {
            size += partitions.size();
        }
        return size;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionEpochs that && epochs.equals(that.epochs);
    }

    @Override
    public int hashCode() {
        return epochs.hashCode();
    }

    @Override
    public String toString() {
        return epochs.toString();
    }

    /** Collects partitions with their epochs. */
    public static final class Builder {

        private final SortedMap<Uuid, SortedMap<Integer, Integer>> epochs = new TreeMap<>();

        public Builder put(Uuid topicId, int partition, int epoch) {
            epochs.computeIfAbsent(topicId, t -> new TreeMap<>()).put(partition, epoch);
            return this;
        }

        public PartitionEpochs build() {
            if (epochs.isEmpty()) {
                return EMPTY;
            }
            SortedMap<Uuid, SortedMap<Integer, Integer>> frozen = new TreeMap<>();
            epochs.forEach((topicId, partitions) ->
                    frozen.put(topicId, Collections.unmodifiableSortedMap(new TreeMap<>(partitions))));
            return new PartitionEpochs(Collections.unmodifiableSortedMap(frozen));
        }
    }
}
