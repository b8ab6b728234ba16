package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * Uniform assignment of a heterogeneous component (members subscribe to different, overlapping topics).
 *
 * <ol>
 *   <li>Every member keeps its current partitions that are still valid (stickiness).</li>
 *   <li>Free partitions go to the least loaded subscriber, topics with the fewest subscribers first.</li>
 *   <li>While some subscriber of a topic has at least two partitions fewer than a member holding a
 *       partition of that topic, one partition moves. Each move lowers the sum of squared loads, so this
 *       ends; the result has no single move left that improves balance.</li>
 * </ol>
 * Ties are broken by member id order, so the result does not depend on input order.
 */
final class BalancedAssignment {

    private final GroupSpec group;
    private final Ownership ownership;
    private final TopicIndex index;
    private final int[] members;
    private final int[] topics;
    private final int[][] subscribers;

    BalancedAssignment(GroupSpec group, Ownership ownership, TopicIndex index, int[] members, int[] topics) {
        this.group = group;
        this.ownership = ownership;
        this.index = index;
        this.members = members;
        this.topics = topics;
        this.subscribers = subscribersByTopic();
    }

    void run() {
        IntList keepable = new IntList(16);
        for (int member : members) {
            ownership.collectKeepable(member, keepable);
            for (int i = 0; i < keepable.size(); i++) {
                ownership.keep(member, keepable.get(i));
            }
            ownership.markDroppedIfFewerThanCurrent(member, keepable.size());
        }
        int[] order = topicsByFewestSubscribers();
        LongHeap heap = new LongHeap(members.length);
        for (int t : order) {
            handOut(t, heap);
        }
        LongHeap donors = new LongHeap(members.length);
        int[] held = new int[group.size()];
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int t : order) {
                moved |= balance(t, heap, donors, held);
            }
        }
    }

    private int[][] subscribersByTopic() {
        int[] position = new int[index.topicCount()];
        for (int i = 0; i < topics.length; i++) {
            position[topics[i]] = i;
        }
        int[] count = new int[topics.length];
        for (int member : members) {
            for (Uuid topicId : group.member(member).subscribedTopicIds()) {
                count[position[index.indexOf(topicId)]]++;
            }
        }
        int[][] result = new int[topics.length][];
        for (int i = 0; i < topics.length; i++) {
            result[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int member : members) {
            for (Uuid topicId : group.member(member).subscribedTopicIds()) {
                int i = position[index.indexOf(topicId)];
                result[i][count[i]++] = member;
            }
        }
        return result;
    }

    private int[] topicsByFewestSubscribers() {
        long[] keys = new long[topics.length];
        for (int i = 0; i < topics.length; i++) {
            keys[i] = LongHeap.key(subscribers[i].length, i);
        }
        Arrays.sort(keys);
        int[] order = new int[topics.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = LongHeap.low(keys[i]);
        }
        return order;
    }

    private void handOut(int t, LongHeap heap) {
        int topic = topics[t];
        int offset = index.offset(topic);
        heap.clear();
        for (int p = 0; p < index.numPartitions(topic); p++) {
            int g = offset + p;
            if (ownership.owner(g) != Ownership.FREE) {
                continue;
            }
            if (heap.isEmpty()) {
                for (int member : subscribers[t]) {
                    heap.push(LongHeap.key(ownership.load(member), member));
                }
            }
            int member = LongHeap.low(heap.pop());
            ownership.give(member, g);
            heap.push(LongHeap.key(ownership.load(member), member));
        }
    }

    /** Moves partitions of one topic from its most to its least loaded subscribers; true if any moved. */
    private boolean balance(int t, LongHeap receivers, LongHeap donors, int[] held) {
        int topic = topics[t];
        int offset = index.offset(topic);
        int numPartitions = index.numPartitions(topic);
        receivers.clear();
        donors.clear();
        for (int p = 0; p < numPartitions; p++) {
            held[ownership.owner(offset + p)]++;
        }
        for (int member : subscribers[t]) {
            receivers.push(LongHeap.key(ownership.load(member), member));
            if (held[member] > 0) {
                donors.push(LongHeap.key(-ownership.load(member), member));
            }
        }
        boolean moved = false;
        while (!donors.isEmpty() && !receivers.isEmpty()) {
            long donorKey = donors.peek();
            int donor = LongHeap.low(donorKey);
            if (-LongHeap.high(donorKey) != ownership.load(donor) || held[donor] == 0) {
                donors.pop();
                continue;
            }
            long receiverKey = receivers.peek();
            int receiver = LongHeap.low(receiverKey);
            if (LongHeap.high(receiverKey) != ownership.load(receiver)) {
                receivers.pop();
                continue;
            }
            if (ownership.load(donor) - ownership.load(receiver) <= 1) {
                break;
            }
            int g = lastPartitionOf(donor, offset, numPartitions);
            ownership.move(g, receiver);
            held[donor]--;
            held[receiver]++;
            donors.pop();
            receivers.pop();
            donors.push(LongHeap.key(-ownership.load(donor), donor));
            donors.push(LongHeap.key(-ownership.load(receiver), receiver));
            receivers.push(LongHeap.key(ownership.load(receiver), receiver));
            receivers.push(LongHeap.key(ownership.load(donor), donor));
            moved = true;
        }
        for (int p = 0; p < numPartitions; p++) {
            held[ownership.owner(offset + p)] = 0;
        }
        return moved;
    }

    private int lastPartitionOf(int member, int offset, int numPartitions) {
        for (int p = numPartitions - 1; p >= 0; p--) {
            if (ownership.owner(offset + p) == member) {
                return offset + p;
            }
        }
        throw new IllegalStateException("Member " + member + " holds no partition of the topic");
    }
}
