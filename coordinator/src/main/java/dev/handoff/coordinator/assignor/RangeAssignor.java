package dev.handoff.coordinator.assignor;

import java.util.Arrays;
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
        int[] order = rangeOrder(group);
        int[][] subscribers = subscribersInRangeOrder(group, index, order);
        @SuppressWarnings("unchecked")
        Map<Uuid, PartitionSet>[] assigned = new Map[size];
        for (int t = 0; t < index.topicCount(); t++) {
            int[] members = subscribers[t];
            int numPartitions = index.numPartitions(t);
            int quota = numPartitions / members.length;
            int extra = numPartitions % members.length;
            int receiving = quota > 0 ? members.length : extra;
            int next = 0;
            for (int i = 0; i < receiving; i++) {
                int count = quota + (i < extra ? 1 : 0);
                int member = members[i];
                if (assigned[member] == null) {
                    assigned[member] = new HashMap<>();
                }
                assigned[member].put(index.topicId(t), PartitionSet.range(next, next + count));
                next += count;
            }
        }
        Map<String, MemberAssignment> result = new HashMap<>(size * 2);
        for (int m = 0; m < size; m++) {
            result.put(group.member(m).memberId(),
                    assigned[m] == null ? MemberAssignment.EMPTY : MemberAssignment.ofOwned(assigned[m]));
        }
        return new GroupAssignment(result);
    }

    /** Member positions (in member id order) sorted into range order; identity when there are no static members. */
    private static int[] rangeOrder(GroupSpec group) {
        Integer[] boxed = null;
        for (int m = 0; m < group.size() && boxed == null; m++) {
            if (group.member(m).instanceId().isPresent()) {
                boxed = new Integer[group.size()];
            }
        }
        int[] order = new int[group.size()];
        if (boxed == null) {
            Arrays.setAll(order, m -> m);
            return order;
        }
        Arrays.setAll(boxed, m -> m);
        Arrays.sort(boxed, (a, b) -> RANGE_ORDER.compare(group.member(a), group.member(b)));
        for (int i = 0; i < order.length; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private static int[][] subscribersInRangeOrder(GroupSpec group, TopicIndex index, int[] order) {
        int topicCount = index.topicCount();
        int[][] subscribers = new int[topicCount][];
        if (group.isHomogeneous()) {
            Arrays.fill(subscribers, order);
            return subscribers;
        }
        int classes = group.subscriptions().size();
        int[][] topicsOfClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            topicsOfClass[c] = group.subscriptions().get(c).stream().mapToInt(index::indexOf).toArray();
        }
        int[] count = new int[topicCount];
        for (int m = 0; m < order.length; m++) {
            for (int t : topicsOfClass[group.subscriptionOf(m)]) {
                count[t]++;
            }
        }
        for (int t = 0; t < topicCount; t++) {
            subscribers[t] = new int[count[t]];
            count[t] = 0;
        }
        for (int member : order) {
            for (int t : topicsOfClass[group.subscriptionOf(member)]) {
                subscribers[t][count[t]++] = member;
            }
        }
        return subscribers;
    }
}
