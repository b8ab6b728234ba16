package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntConsumer;

/**
 * An immutable set of partition numbers of one topic, kept as a sorted array of distinct ints.
 *
 * <p>Assignors produce hundreds of thousands of these for large groups, so they stay unboxed
 * (unlike Kafka's {@code Set<Integer>}).
 */
public final class PartitionSet {

    public static final PartitionSet EMPTY = new PartitionSet(new int[0]);

    private final int[] partitions;

    private PartitionSet(int[] sortedDistinct) {
        this.partitions = sortedDistinct;
    }

    /** Builds a set from any partition numbers; duplicates are dropped and negatives rejected. */
    public static PartitionSet of(int... partitions) {
        int[] copy = partitions.clone();
        Arrays.sort(copy);
        int distinct = 0;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0) {
                throw new IllegalArgumentException("Negative partition " + copy[i]);
            }
            if (i == 0 || copy[i] != copy[i - 1]) {
                copy[distinct++] = copy[i];
            }
        }
        return distinct == 0 ? EMPTY : new PartitionSet(distinct == copy.length ? copy : Arrays.copyOf(copy, distinct));
    }

    public static PartitionSet of(Collection<Integer> partitions) {
        return of(partitions.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The partitions {@code from} (inclusive) to {@code to} (exclusive). */
    public static PartitionSet range(int from, int to) {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("Bad range [" + from + ", " + to + ")");
        }
        int[] range = new int[to - from];
        for (int i = 0; i < range.length; i++) {
            range[i] = from + i;
        }
        return range.length == 0 ? EMPTY : new PartitionSet(range);
    }

    /** Wraps an array the caller guarantees to be sorted, distinct and never modified afterwards. */
    static PartitionSet ofSortedUnsafe(int[] sortedDistinct) {
        return sortedDistinct.length == 0 ? EMPTY : new PartitionSet(sortedDistinct);
    }

    public int size() {
        return partitions.length;
    }

    public boolean isEmpty() {
        return partitions.length == 0;
    }

    /** The {@code index}-th smallest partition. */
    public int get(int index) {
        return partitions[index];
    }

    public boolean contains(int partition) {
        return Arrays.binarySearch(partitions, partition) >= 0;
    }

    public void forEach(IntConsumer action) {
        for (int partition : partitions) {
            action.accept(partition);
        }
    }

    public int[] toArray() {
        return partitions.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartitionSet that && Arrays.equals(partitions, that.partitions);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(partitions);
    }

    @Override
    public String toString() {
        return Arrays.toString(partitions);
    }
}
