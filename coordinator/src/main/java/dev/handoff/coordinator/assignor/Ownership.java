package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * The assignment under construction, in flat arrays: the owner of every global partition, each member's
 * load, and whether a member's assignment differs from its current one (unchanged members keep their
 * {@link MemberAssignment} object, so an incremental rebalance allocates only for members that move).
 */
final class Ownership {

    static final int FREE = -1;

    private final GroupSpec group;
    private final TopicIndex index;
    private final int[] owner;
    private final int[] load;
    private final boolean[] changed;

    Ownership(GroupSpec group, TopicIndex index) {
        this.group = group;
        this.index = index;
        this.owner = new int[index.totalPartitions()];
        Arrays.fill(owner, FREE);
        this.load = new int[group.size()];
        this.changed = new boolean[group.size()];
    }

    int owner(int globalPartition) {
        return owner[globalPartition];
    }

    int load(int member) {
        return load[member];
    }

    /** Gives a free partition to a member that did not hold it before. */
    void give(int member, int globalPartition) {
        owner[globalPartition] = member;
        load[member]++;
        changed[member] = true;
    }

    /** Keeps a partition of the member's current assignment. */
    void keep(int member, int globalPartition) {
        owner[globalPartition] = member;
        load[member]++;
    }

    /** Moves an owned partition to another member. */
    void move(int globalPartition, int to) {
        int from = owner[globalPartition];
        load[from]--;
        changed[from] = true;
        give(to, globalPartition);
    }

    /**
     * Collects into {@code out}, sorted, the global numbers of the member's current partitions that are still
     * valid (topic subscribed, partition exists) and not yet owned by an earlier member.
     */
    void collectKeepable(int member, IntList out) {
        out.clear();
        MemberSpec spec = group.member(member);
        Set<Uuid> subscribed = spec.subscribedTopicIds();
        for (Map.Entry<Uuid, PartitionSet> entry : spec.currentAssignment().partitions().entrySet()) {
            int topic = index.indexOf(entry.getKey());
            if (topic < 0 || !subscribed.contains(entry.getKey())) {
                continue;
            }
            PartitionSet partitions = entry.getValue();
            int numPartitions = index.numPartitions(topic);
            int offset = index.offset(topic);
            for (int i = 0; i < partitions.size(); i++) {
                int partition = partitions.get(i);
                if (partition < numPartitions && owner[offset + partition] == FREE) {
                    out.add(offset + partition);
                }
            }
        }
        // Map iteration order is hash order; sorting keeps the result independent of it.
        out.sort();
    }

    /** Notes that the member keeps {@code kept} partitions of its current assignment and nothing else yet. */
    void markDroppedIfFewerThanCurrent(int member, int kept) {
        if (kept != group.member(member).currentAssignment().totalPartitions()) {
            changed[member] = true;
        }
    }

    /** Builds the group assignment; members whose assignment did not change keep their current object. */
    GroupAssignment toGroupAssignment() {
        int members = group.size();
        for (int m = 0; m < members; m++) {
            // Members outside every component (no subscribed topic) were never visited.
            markDroppedIfFewerThanCurrent(m, load[m]);
        }
        int[] start = new int[members + 1];
        for (int m = 0; m < members; m++) {
            start[m + 1] = start[m] + (changed[m] ? load[m] : 0);
        }
        int[] sorted = new int[start[members]];
        int[] fill = Arrays.copyOf(start, members);
        for (int g = 0; g < owner.length; g++) {
            int m = owner[g];
            if (m != FREE && changed[m]) {
                sorted[fill[m]++] = g;
            }
        }
        Map<String, MemberAssignment> result = new HashMap<>(members * 2);
        for (int m = 0; m < members; m++) {
            MemberSpec spec = group.member(m);
            MemberAssignment assignment = changed[m]
                    ? build(sorted, start[m], start[m + 1])
                    : spec.currentAssignment();
            result.put(spec.memberId(), assignment);
        }
        return new GroupAssignment(result);
    }

    private MemberAssignment build(int[] sorted, int from, int to) {
        Map<Uuid, PartitionSet> partitions = new HashMap<>();
        int i = from;
        while (i < to) {
            int topic = index.topicOf(sorted[i]);
            int offset = index.offset(topic);
            int end = offset + index.numPartitions(topic);
            int j = i;
            while (j < to && sorted[j] < end) {
                j++;
            }
            int[] local = new int[j - i];
            for (int k = 0; k < local.length; k++) {
                local[k] = sorted[i + k] - offset;
            }
            partitions.put(index.topicId(topic), PartitionSet.ofSortedUnsafe(local));
            i = j;
        }
        return MemberAssignment.ofOwned(partitions);
    }
}
