package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.Uuid;

/**
 * Kafka's {@code range} server-side assignor: per topic, contiguous ranges of partitions to the topic's
 * subscribers in a fixed member order (static members first by instance id, then by member id, as Kafka
 * 4.x orders them). The first {@code P % N} subscribers get one partition more.
 *
 * <p>Topics with equal partition counts and equal subscribers are co-partitioned: a member gets the same
 * partition numbers of each. The result depends only on the member set and subscriptions, so it is as
 * sticky as Kafka 4.x's range: nothing moves while the members stay the same (static membership keeps a
 * restarted member in its slot).
 *
 * <p>Per topic only the members that receive partitions are visited, so a topic with fewer partitions
 * than subscribers costs its partition count, not the group size.
 */
public final class RangeAssignor implements PartitionAssignor {

    public static final String NAME = "range";

    private static final Comparator<MemberSpec> RANGE_ORDER = (a, b) -> {
        Optional<String> instanceA = a.instanceId();
        Optional<String> instanceB = b.instanceId();
        if (instanceA.isPresent() && instanceB.isPresent()) {
            return instanceA.get().compareTo(instanceB.get());
        }
        if (instanceA.isPresent() != instanceB.isPresent()) {
            return instanceA.isPresent() ? -1 : 1;
        }
        return a.memberId().compareTo(b.memberId());
    };

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GroupAssignment assign(GroupSpec group, TopicDescriber topics) {
        int size = group.size();
        if (size == 0) {
            return new GroupAssignment(Map.of());
        }
        TopicIndex index = TopicIndex.of(group, topics);
        int topicCount = index.topicCount();
        int[][] subscribers = subscribersInRangeOrder(group, index, rangeOrder(group));
        int[] received = new int[size];
        for (int t = 0; t < topicCount; t++) {
            int receiving = receiving(index.numPartitions(t), subscribers[t].length);
            for (int i = 0; i < receiving; i++) {
                received[subscribers[t][i]]++;
            }
        }
        Uuid[] allTopics = new Uuid[topicCount];
        Arrays.setAll(allTopics, index::topicId);
        Uuid[][] topicsOf = new Uuid[size][];
        PartitionSet[][] rangesOf = new PartitionSet[size][];
        for (int m = 0; m < size; m++) {
            if (received[m] > 0) {
                // A member with partitions of every topic (the usual homogeneous case) shares one topic array.
                topicsOf[m] = received[m] == topicCount ? allTopics : new Uuid[received[m]];
                rangesOf[m] = new PartitionSet[received[m]];
            }
        }
        int[] filled = new int[size];
        Map<RangeKey, PartitionSet[]> rangesByKey = new HashMap<>();
        // Topics in topic id order, so every member's arrays fill up sorted by topic id.
        for (int t = 0; t < topicCount; t++) {
            PartitionSet[] ranges = rangesByKey.computeIfAbsent(new RangeKey(subscribers[t], index.numPartitions(t)),
                    RangeAssignor::ranges);
            for (int i = 0; i < ranges.length; i++) {
                int member = subscribers[t][i];
                if (topicsOf[member] != allTopics) {
                    topicsOf[member][filled[member]] = index.topicId(t);
                }
                rangesOf[member][filled[member]++] = ranges[i];
            }
        }
        MemberAssignment[] result = new MemberAssignment[size];
        for (int m = 0; m < size; m++) {
            result[m] = received[m] == 0 ? MemberAssignment.EMPTY : MemberAssignment.ofSorted(topicsOf[m], rangesOf[m]);
        }
        return GroupAssignment.of(group, result);
    }

    /**
     * Co-partitioned topics (equal partition counts, the same subscriber array) get the same ranges, so their
     * partition sets are built once and shared. Arrays compare by identity, which is what is wanted here.
     */
    private record RangeKey(int[] subscribers, int numPartitions) {
    }

    /** How many subscribers receive partitions: all of them, or only the first {@code P} when there are fewer partitions. */
    private static int receiving(int numPartitions, int subscribers) {
        return numPartitions >= subscribers ? subscribers : numPartitions;
    }

    /** The range of each receiving subscriber, in range order; the first {@code P % N} get one partition more. */
    private static PartitionSet[] ranges(RangeKey key) {
        int subscribers = key.subscribers().length;
        int quota = key.numPartitions() / subscribers;
        int extra = key.numPartitions() % subscribers;
        PartitionSet[] ranges = new PartitionSet[receiving(key.numPartitions(), subscribers)];
        int next = 0;
        for (int i = 0; i < ranges.length; i++) {
            int count = quota + (i < extra ? 1 : 0);
            ranges[i] = PartitionSet.range(next, next + count);
            next += count;
        }
        return ranges;
    }

    /** Member positions (in member id order) sorted into range order; identity when there are no static members. */
    private static int[] rangeOrder(GroupSpec group) {
        int[] order = new int[group.size()];
        if (!group.hasStaticMembers()) {
            Arrays.setAll(order, m -> m);
            return order;
        }
        Integer[] boxed = new Integer[group.size()];
        Arrays.setAll(boxed, m -> m);
        Arrays.sort(boxed, (a, b) -> RANGE_ORDER.compare(group.member(a), group.member(b)));
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /**
     * Each topic's subscribers in range order. Topics subscribed by the same subscription classes share one
     * array, which lets {@link RangeKey} find co-partitioned topics.
     */
    private static int[][] subscribersInRangeOrder(GroupSpec group, TopicIndex index, int[] order) {
        int topicCount = index.topicCount();
        int[][] subscribers = new int[topicCount][];
        if (group.isHomogeneous()) {
            Arrays.fill(subscribers, order);
            return subscribers;
        }
        int classes = group.subscriptions().size();
        int[][] topicsOfClass = new int[classes][];
        BitSet[] classesOfTopic = new BitSet[topicCount];
        Arrays.setAll(classesOfTopic, t -> new BitSet(classes));
        for (int c = 0; c < classes; c++) {
            topicsOfClass[c] = group.subscriptions().get(c).stream().mapToInt(index::indexOf).toArray();
            for (int t : topicsOfClass[c]) {
                classesOfTopic[t].set(c);
            }
        }
        Map<BitSet, Integer> firstTopicWith = new HashMap<>();
        int[] leader = new int[topicCount];
        for (int t = 0; t < topicCount; t++) {
            int topic = t;
            leader[t] = firstTopicWith.computeIfAbsent(classesOfTopic[t], k -> topic);
        }
        int[] count = new int[topicCount];
        for (int member : order) {
            for (int t : topicsOfClass[group.subscriptionOf(member)]) {
                count[t] += leader[t] == t ? 1 : 0;
            }
        }
        for (int t = 0; t < topicCount; t++) {
            if (leader[t] == t) {
                subscribers[t] = new int[count[t]];
                count[t] = 0;
            }
        }
        for (int member : order) {
            for (int t : topicsOfClass[group.subscriptionOf(member)]) {
                if (leader[t] == t) {
                    subscribers[t][count[t]++] = member;
                }
            }
        }
        for (int t = 0; t < topicCount; t++) {
            subscribers[t] = subscribers[leader[t]];
        }
        return subscribers;
    }
}
