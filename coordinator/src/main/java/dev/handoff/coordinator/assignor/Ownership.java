package dev.handoff.coordinator.assignor;

import java.util.Arrays;
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
        MemberAssignment current = spec.currentAssignment();
        // Topics come in topic id order, the index's order, so the global numbers come out ascending.
        for (int t = 0; t < current.topicCount(); t++) {
            Uuid topicId = current.topicAt(t);
            int topic = index.indexOf(topicId);
            if (topic < 0 || !subscribed.contains(topicId)) {
                continue;
            }
            PartitionSet partitions = current.partitionsAt(t);
            int numPartitions = index.numPartitions(topic);
            int offset = index.offset(topic);
            for (int i = 0; i < partitions.size(); i++) {
                int partition = partitions.get(i);
                if (partition < numPartitions && owner[offset + partition] == FREE) {
                    out.add(offset + partition);
                }
            }
        }
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
        MemberAssignment[] result = new MemberAssignment[members];
        for (int m = 0; m < members; m++) {
            result[m] = changed[m] ? index.assignmentOf(sorted, start[m], start[m + 1]) : group.member(m).currentAssignment();
        }
        return GroupAssignment.of(group, result);
    }
}
