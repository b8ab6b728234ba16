package dev.handoff.coordinator.assignor;

import java.util.Arrays;

import org.apache.kafka.common.Uuid;

/**
 * {@link QuotaAssignment}'s result for a whole homogeneous group without racks, computed as a change of the
 * current assignment instead of a rebuild of every partition's owner.
 *
 * <p>After one member joins a balanced group of {@code N} members holding {@code P} partitions, only about
 * {@code P / N} partitions move; everyone else keeps their assignment object. This path costs one bit per
 * partition (to check that the current assignments own no partition twice) plus work proportional to the
 * members and to the partitions that move. It applies the same rules in the same order as
 * {@link QuotaAssignment}, so both give equal results:
 * <ol>
 *   <li>every member keeps its first {@code min(load, P / N)} current partitions in global order;</li>
 *   <li>the {@code P % N} extra slots go, in member id order, to members holding more than {@code P / N},
 *       each keeping its next partition; the partitions beyond that are released;</li>
 *   <li>free partitions, ascending, fill members below {@code P / N} in member id order, then the remaining
 *       extra slots go one each, in member id order, to members at exactly {@code P / N}.</li>
 * </ol>
 * It needs the current assignments to be what a previous target assignment always is: subscribed topics,
 * existing partitions, no partition owned twice. {@link #run()} returns null otherwise, and the caller falls
 * back to the full computation, which also handles those inputs.
 */
final class IncrementalQuotaAssignment {

    private static final int NONE = -1;

    private final GroupSpec group;
    private final TopicIndex index;
    private final int size;
    private final int minQuota;
    private final long[] owned;
    private final MemberAssignment[] current;
    private final int[] load;
    private final int[] kept;

    IncrementalQuotaAssignment(GroupSpec group, TopicIndex index) {
        this.group = group;
        this.index = index;
        this.size = group.size();
        this.minQuota = index.totalPartitions() / size;
        this.owned = new long[(index.totalPartitions() + 63) >>> 6];
        this.current = new MemberAssignment[size];
        this.load = new int[size];
        this.kept = new int[size];
    }

    /** The new assignment, or null when the current assignments are not a valid partial cover. */
    GroupAssignment run() {
        // The only pass that reads the members; later passes use these arrays.
        for (int m = 0; m < size; m++) {
            current[m] = group.member(m).currentAssignment();
            if (!markOwned(current[m])) {
                return null;
            }
            load[m] = current[m].totalPartitions();
            kept[m] = Math.min(load[m], minQuota);
        }
        int extraSlots = index.totalPartitions() % size;
        for (int m = 0; m < size && extraSlots > 0; m++) {
            if (load[m] > minQuota) {
                kept[m]++;
                extraSlots--;
            }
        }
        for (int m = 0; m < size; m++) {
            if (load[m] > kept[m]) {
                release(current[m], kept[m]);
            }
        }
        return handOut(freePartitions());
    }

    /** Marks the member's partitions owned; false if one is invalid or already owned. */
    private boolean markOwned(MemberAssignment current) {
        for (int i = 0; i < current.topicCount(); i++) {
            int topic = index.indexOf(current.topicAt(i));
            PartitionSet partitions = current.partitionsAt(i);
            // In a homogeneous group every indexed topic is subscribed by every member.
            if (topic < 0 || partitions.get(partitions.size() - 1) >= index.numPartitions(topic)) {
                return false;
            }
            int offset = index.offset(topic);
            for (int k = 0; k < partitions.size(); k++) {
                int g = offset + partitions.get(k);
                long bit = 1L << g;
                if ((owned[g >>> 6] & bit) != 0) {
                    return false;
                }
                owned[g >>> 6] |= bit;
            }
        }
        return true;
    }

    /** Frees the member's partitions after its first {@code keep} in global order. */
    private void release(MemberAssignment current, int keep) {
        int seen = 0;
        for (int i = 0; i < current.topicCount(); i++) {
            int offset = index.offset(index.indexOf(current.topicAt(i)));
            PartitionSet partitions = current.partitionsAt(i);
            for (int k = 0; k < partitions.size(); k++) {
                if (seen++ >= keep) {
                    int g = offset + partitions.get(k);
                    owned[g >>> 6] &= ~(1L << g);
                }
            }
        }
    }

    private int[] freePartitions() {
        int total = index.totalPartitions();
        int keptTotal = 0;
        for (int count : kept) {
            keptTotal += count;
        }
        int[] free = new int[total - keptTotal];
        int n = 0;
        for (int word = 0; word < owned.length; word++) {
            long unowned = ~owned[word];
            if (word == owned.length - 1 && (total & 63) != 0) {
                unowned &= (1L << (total & 63)) - 1;
            }
            while (unowned != 0) {
                free[n++] = (word << 6) + Long.numberOfTrailingZeros(unowned);
                unowned &= unowned - 1;
            }
        }
        return free;
    }

    /**
     * Fills members below the minimum with consecutive runs of {@code free}, then gives the rest one each to
     * members at exactly the minimum, both in member id order, as {@link QuotaAssignment#run()} hands out.
     * Both walk {@code free} forward in member order, so one pass over the members does both.
     */
    private GroupAssignment handOut(int[] free) {
        int nextExtra = 0;
        for (int m = 0; m < size; m++) {
            nextExtra += Math.max(0, minQuota - kept[m]);
        }
        int next = 0;
        MemberAssignment[] result = new MemberAssignment[size];
        for (int m = 0; m < size; m++) {
            int runStart = next;
            next += Math.max(0, minQuota - kept[m]);
            int extra = kept[m] <= minQuota && nextExtra < free.length ? nextExtra++ : NONE;
            if (next > runStart || extra != NONE) {
                result[m] = withReceived(current[m], free, runStart, next, extra);
            } else if (kept[m] < load[m]) {
                result[m] = firstPartitions(current[m], kept[m]);
            } else {
                result[m] = current[m];
            }
        }
        return GroupAssignment.of(group, result);
    }

    /** The current partitions plus {@code free[from..to)} and {@code free[extra]} (if any), which follow them in {@code free}. */
    private MemberAssignment withReceived(MemberAssignment current, int[] free, int from, int to, int extra) {
        int[] merged = new int[current.totalPartitions() + (to - from) + (extra == NONE ? 0 : 1)];
        int n = 0;
        for (int i = 0; i < current.topicCount(); i++) {
            int offset = index.offset(index.indexOf(current.topicAt(i)));
            PartitionSet partitions = current.partitionsAt(i);
            for (int k = 0; k < partitions.size(); k++) {
                merged[n++] = offset + partitions.get(k);
            }
        }
        for (int i = from; i < to; i++) {
            merged[n++] = free[i];
        }
        if (extra != NONE) {
            merged[n] = free[extra];
        }
        // Kept and received partitions interleave in global order.
        Arrays.sort(merged);
        return index.assignmentOf(merged, 0, merged.length);
    }

    /** The first {@code count} partitions of an assignment, in global (topic id, then partition) order. */
    private static MemberAssignment firstPartitions(MemberAssignment current, int count) {
        int topics = 0;
        int taken = 0;
        while (taken < count) {
            taken += current.partitionsAt(topics++).size();
        }
        PartitionSet[] sets = new PartitionSet[topics];
        for (int i = 0; i < topics; i++) {
            sets[i] = current.partitionsAt(i);
        }
        if (taken > count) {
            PartitionSet last = sets[topics - 1];
            sets[topics - 1] = last.head(last.size() - (taken - count));
        }
        Uuid[] ids = new Uuid[topics];
        for (int i = 0; i < topics; i++) {
            ids[i] = current.topicAt(i);
        }
        return MemberAssignment.ofSorted(ids, sets);
    }
}
