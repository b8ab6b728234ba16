package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.Uuid;

/**
 * Numbers the subscribed topics (in topic id order) and their partitions: partition {@code p} of topic
 * {@code t} has the global number {@code offset(t) + p}, so assignors can track ownership in flat int arrays.
 */
final class TopicIndex {

    private final Uuid[] topicIds;
    private final int[] offsets;
    private final Map<Uuid, Integer> indexOf;

    private TopicIndex(Uuid[] topicIds, int[] offsets) {
        this.topicIds = topicIds;
        this.offsets = offsets;
        this.indexOf = new HashMap<>(topicIds.length * 2);
        for (int t = 0; t < topicIds.length; t++) {
            indexOf.put(topicIds[t], t);
        }
    }

    /** Indexes every topic some member subscribes to. */
    static TopicIndex of(GroupSpec group, TopicDescriber topics) {
        TreeSet<Uuid> subscribed = new TreeSet<>();
        for (Set<Uuid> subscription : group.subscriptions()) {
            subscribed.addAll(subscription);
        }
        Uuid[] ids = subscribed.toArray(new Uuid[0]);
        int[] offsets = new int[ids.length + 1];
        for (int t = 0; t < ids.length; t++) {
            int partitions = topics.numPartitions(ids[t]);
            if (partitions < 0) {
                throw new PartitionAssignorException("Member is subscribed to a non-existent topic " + ids[t]);
            }
            offsets[t + 1] = offsets[t] + partitions;
        }
        return new TopicIndex(ids, offsets);
    }

    int topicCount() {
        return topicIds.length;
    }

    Uuid topicId(int topic) {
        return topicIds[topic];
    }

    /** The topic's index, or -1 if no member subscribes to it. */
    int indexOf(Uuid topicId) {
        Integer index = indexOf.get(topicId);
        return index == null ? -1 : index;
    }

    int offset(int topic) {
        return offsets[topic];
    }

    int numPartitions(int topic) {
        return offsets[topic + 1] - offsets[topic];
    }

    int totalPartitions() {
        return offsets[topicIds.length];
    }

    /** The assignment holding the global partitions {@code sorted[from..to)}, which are ascending. */
    MemberAssignment assignmentOf(int[] sorted, int from, int to) {
        int topicCount = 0;
        int end = 0;
        for (int i = from; i < to; i++) {
            if (sorted[i] >= end) {
                end = offsets[topicOf(sorted[i]) + 1];
                topicCount++;
            }
        }
        Uuid[] topics = new Uuid[topicCount];
        PartitionSet[] sets = new PartitionSet[topicCount];
        int i = from;
        for (int k = 0; k < topicCount; k++) {
            int topic = topicOf(sorted[i]);
            int offset = offsets[topic];
            int j = i;
            while (j < to && sorted[j] < offsets[topic + 1]) {
                j++;
            }
            int[] local = new int[j - i];
            for (int n = 0; n < local.length; n++) {
                local[n] = sorted[i + n] - offset;
            }
            topics[k] = topicIds[topic];
            sets[k] = PartitionSet.ofSortedUnsafe(local);
            i = j;
        }
        return MemberAssignment.ofSorted(topics, sets);
    }

    /** The topic of a global partition number. */
    int topicOf(int globalPartition) {
        int found = Arrays.binarySearch(offsets, globalPartition);
        if (found >= 0) {
            // Skip topics with no partitions that share this offset.
            while (offsets[found + 1] == globalPartition) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }
}
