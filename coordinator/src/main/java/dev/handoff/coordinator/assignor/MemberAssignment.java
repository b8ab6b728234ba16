package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * The partitions of one member: topic id to partitions. Topics with no partitions are absent.
 *
 * <p>Kept as arrays sorted by topic id with the partition count precomputed, because assignors read the
 * current assignment of every member of a group on each computation (see {@link SortedTopicMap}).
 */
public final class MemberAssignment {

    public static final MemberAssignment EMPTY = new MemberAssignment(SortedTopicMap.EMPTY, 0);

    private final SortedTopicMap partitions;
    private final int totalPartitions;

    private MemberAssignment(SortedTopicMap partitions, int totalPartitions) {
        this.partitions = partitions;
        this.totalPartitions = totalPartitions;
    }

    /** Copies the map; empty partition sets are dropped. */
    public static MemberAssignment of(Map<Uuid, PartitionSet> partitions) {
        Uuid[] topics = new Uuid[partitions.size()];
        int count = 0;
        for (Map.Entry<Uuid, PartitionSet> entry : partitions.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                topics[count++] = entry.getKey();
            }
        }
        Arrays.sort(topics, 0, count);
        PartitionSet[] sets = new PartitionSet[count];
        for (int i = 0; i < count; i++) {
            sets[i] = partitions.get(topics[i]);
        }
        return ofSorted(count == topics.length ? topics : Arrays.copyOf(topics, count), sets);
    }

    /**
     * Takes arrays the caller built sorted by topic id, filled with non-empty sets, and never touches again.
     * {@code topics} may be shared between assignments.
     */
    static MemberAssignment ofSorted(Uuid[] topics, PartitionSet[] partitions) {
        if (topics.length == 0) {
            return EMPTY;
        }
        int total = 0;
        for (PartitionSet set : partitions) {
            total += set.size();
        }
        return new MemberAssignment(new SortedTopicMap(topics, partitions), total);
    }

    /** Unmodifiable view: topic id to its (non-empty) partitions, iterated in topic id order. */
    public Map<Uuid, PartitionSet> partitions() {
        return partitions;
    }

    /** The partitions of one topic, empty if none. */
    public PartitionSet partitions(Uuid topicId) {
        PartitionSet set = partitions.get(topicId);
        return set == null ? PartitionSet.EMPTY : set;
    }

    public int totalPartitions() {
        return totalPartitions;
    }

    int topicCount() {
        return partitions.topicCount();
    }

    /** The {@code i}-th topic in topic id order. */
    Uuid topicAt(int i) {
        return partitions.topicAt(i);
    }

    /** The partitions of the {@code i}-th topic in topic id order. */
    PartitionSet partitionsAt(int i) {
        return partitions.partitionsAt(i);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof MemberAssignment that
                && totalPartitions == that.totalPartitions && partitions.equals(that.partitions);
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
