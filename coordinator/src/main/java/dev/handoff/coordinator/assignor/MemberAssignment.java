package dev.handoff.coordinator.assignor;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/** The partitions of one member: topic id to partitions. Topics with no partitions are absent. */
public final class MemberAssignment {

    public static final MemberAssignment EMPTY = new MemberAssignment(Map.of());

    private final Map<Uuid, PartitionSet> partitions;

    private MemberAssignment(Map<Uuid, PartitionSet> partitions) {
        this.partitions = partitions;
    }

    /** Copies the map; empty partition sets are dropped. */
    public static MemberAssignment of(Map<Uuid, PartitionSet> partitions) {
        Map<Uuid, PartitionSet> copy = new HashMap<>(partitions);
        copy.values().removeIf(PartitionSet::isEmpty);
        return copy.isEmpty() ? EMPTY : new MemberAssignment(Map.copyOf(copy));
    }

    /** Takes ownership of a map the caller built, filled with non-empty sets, and never touches again. */
    static MemberAssignment ofOwned(Map<Uuid, PartitionSet> partitions) {
        return partitions.isEmpty() ? EMPTY : new MemberAssignment(Collections.unmodifiableMap(partitions));
    }

    /** Unmodifiable view: topic id to its (non-empty) partitions. */
    public Map<Uuid, PartitionSet> partitions() {
        return partitions;
    }

    /** The partitions of one topic, empty if none. */
    public PartitionSet partitions(Uuid topicId) {
        return partitions.getOrDefault(topicId, PartitionSet.EMPTY);
    }

    public int totalPartitions() {
        int total = 0;
        for (PartitionSet set : partitions.values()) {
            total += set.size();
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemberAssignment that && partitions.equals(that.partitions);
    }

    @Override
    public int hashCode() {
        return partitions.hashCode();
    }

    @Override
    public String toString() {
        return partitions.toString();
    }
}
