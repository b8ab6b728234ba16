package dev.handoff.coordinator.assignor;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.kafka.common.Uuid;

/**
 * The read-only topic id to partitions map of a {@link MemberAssignment}: two parallel arrays sorted by topic id.
 *
 * <p>An assignor walks the current assignment of every member of a large group once per computation; arrays
 * keep that walk to a few memory reads per member, where a hash map costs a table scan and a node per entry.
 * Topic id order is also the order in which {@link TopicIndex} numbers partitions, so a walk yields global
 * partition numbers in ascending order. Lookups are binary searches over a member's few topics.
 */
final class SortedTopicMap extends AbstractMap<Uuid, PartitionSet> {

    static final SortedTopicMap EMPTY = new SortedTopicMap(new Uuid[0], new PartitionSet[0]);

    private final Uuid[] topics;
    private final PartitionSet[] partitions;

    /** Takes arrays the caller sorted by topic id, filled with non-empty sets and never modifies afterwards. */
    SortedTopicMap(Uuid[] topics, PartitionSet[] partitions) {
        this.topics = topics;
        this.partitions = partitions;
    }

    int topicCount() {
        return topics.length;
    }

    Uuid topicAt(int i) {
        return topics[i];
    }

    PartitionSet partitionsAt(int i) {
        return partitions[i];
    }

    private int find(Object key) {
        return key instanceof Uuid topicId ? Arrays.binarySearch(topics, topicId) : -1;
    }

    @Override
    public int size() {
        return topics.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return find(key) >= 0;
    }

    @Override
    public PartitionSet get(Object key) {
        int i = find(key);
        return i >= 0 ? partitions[i] : null;
    }

    @Override
    public void forEach(BiConsumer<? super Uuid, ? super PartitionSet> action) {
        for (int i = 0; i < topics.length; i++) {
            action.accept(topics[i], partitions[i]);
        }
    }

    @Override
    public Set<Entry<Uuid, PartitionSet>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Uuid, PartitionSet>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < topics.length;
                    }

                    @Override
                    public Entry<Uuid, PartitionSet> next() {
                        if (next >= topics.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return Map.entry(topics[i], partitions[i]);
                    }
                };
            }

            @Override
            public int size() {
                return topics.length;
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof SortedTopicMap that) {
            return Arrays.equals(topics, that.topics) && Arrays.equals(partitions, that.partitions);
        }
        return super.equals(other);
    }

    /** Equal maps of any kind have equal hash codes, as {@link Map#hashCode()} defines them. */
    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
