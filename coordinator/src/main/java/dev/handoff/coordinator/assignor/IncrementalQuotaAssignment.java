package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link QuotaAssignment}'s result for a whole homogeneous group, computed as a change of the current
 * assignment instead of a rebuild of every partition's owner.
 *
 * <p>After one member joins a balanced group of {@code N} members holding {@code P} partitions, only about
 * {@code P / N} partitions move; everyone else keeps their assignment object. This path costs one bit per
 * partition (to check that the current assignments own no partition twice) plus work proportional to the
 * members and to the partitions that move; partition racks are looked up only for those. It applies the
 * same rules in the same order as {@link QuotaAssignment}, so both give equal results:
 * <ol>
 *   <li>every member keeps {@code min(load, P / N)} of its current partitions (same-rack ones first, then
 *       in global order);</li>
 *   <li>the {@code P % N} extra slots go, in member id order, to members holding more than {@code P / N},
 *       each keeping one more; the partitions beyond that are released;</li>
 *   <li>free partitions, ascending, go to a member of one of their racks with room, if any, then fill
 *       members below {@code P / N} in member id order, then the remaining extra slots go one each, in
 *       member id order, to members at exactly {@code P / N}.</li>
 * </ol>
 * It needs the current assignments to be what a previous target assignment always is: subscribed topics,
 * existing partitions, no partition owned twice. {@link #run()} returns null otherwise, and the caller falls
 * back to the full computation, which also handles those inputs.
 */
final class IncrementalQuotaAssignment {

    private static final int NONE = -1;

    private final GroupSpec group;
    private final TopicIndex index;
    private final RackMatcher racks;
    private final int size;
    private final int minQuota;
    private final long[] owned;
    private final MemberAssignment[] current;
    private final int[] held;
    private final int[] load;
    private final MemberAssignment[] result;
    private int extraSlots;

    /**
     * @param racks the group's rack matcher, or null when no member has a rack
     */
    IncrementalQuotaAssignment(GroupSpec group, TopicIndex index, RackMatcher racks) {
        this.group = group;
        this.index = index;
        this.racks = racks;
        this.size = group.size();
        this.minQuota = index.totalPartitions() / size;
        this.extraSlots = index.totalPartitions() % size;
        this.owned = new long[(index.totalPartitions() + 63) >>> 6];
        this.current = new MemberAssignment[size];
        this.held = new int[size];
        this.load = new int[size];
        this.result = new MemberAssignment[size];
    }

    /** The new assignment, or null when the current assignments are not a valid partial cover. */
    GroupAssignment run() {
        // The only pass that reads the members' assignments; later passes use these arrays.
        for (int m = 0; m < size; m++) {
            current[m] = group.member(m).currentAssignment();
            if (!markOwned(current[m])) {
                return null;
            }
            held[m] = current[m].totalPartitions();
            load[m] = Math.min(held[m], minQuota);
        }
        for (int m = 0; m < size && extraSlots > 0; m++) {
            if (held[m] > minQuota) {
                load[m]++;
                extraSlots--;
            }
        }
        for (int m = 0; m < size; m++) {
            if (held[m] > load[m]) {
                result[m] = release(m);
            }
        }
        int[] free = freePartitions();
        int[] receiver = new int[free.length];
        Arrays.fill(receiver, NONE);
        if (racks != null) {
            handOutToSameRack(free, receiver);
        }
        handOutRest(free, receiver);
        addReceived(free, receiver);
        for (int m = 0; m < size; m++) {
            if (result[m] == null) {
                result[m] = current[m];
            }
        }
        return GroupAssignment.of(group, result);
    }

    /** Marks the member's partitions owned; false if one is invalid or already owned. */
    private boolean markOwned(MemberAssignment assignment) {
        for (int i = 0; i < assignment.topicCount(); i++) {
            int topic = index.indexOf(assignment.topicAt(i));
            PartitionSet partitions = assignment.partitionsAt(i);
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

    /** Keeps {@code load[m]} of the member's partitions, same-rack ones first, and frees the others. */
    private MemberAssignment release(int m) {
        IntList partitions = globalPartitions(current[m], 0);
        if (racks != null) {
            racks.sameRackFirst(m, partitions);
        }
        for (int i = load[m]; i < partitions.size(); i++) {
            int g = partitions.get(i);
            owned[g >>> 6] &= ~(1L << g);
        }
        partitions.truncate(load[m]);
        partitions.sort();
        return partitions.toAssignment(index);
    }

    /** The assignment's global partition numbers, ascending, with room for {@code extra} more. */
    private IntList globalPartitions(MemberAssignment assignment, int extra) {
        IntList partitions = new IntList(assignment.totalPartitions() + extra);
        // Topics come in topic id order, the index's order, so the global numbers come out ascending.
        for (int i = 0; i < assignment.topicCount(); i++) {
            int offset = index.offset(index.indexOf(assignment.topicAt(i)));
            PartitionSet set = assignment.partitionsAt(i);
            for (int k = 0; k < set.size(); k++) {
                partitions.add(offset + set.get(k));
            }
        }
        return partitions;
    }

    private int[] freePartitions() {
        int total = index.totalPartitions();
        int kept = 0;
        for (int count : load) {
            kept += count;
        }
        int[] free = new int[total - kept];
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

    /** As {@link QuotaAssignment}: each free partition to the first member of one of its racks with room. */
    private void handOutToSameRack(int[] free, int[] receiver) {
        Map<String, IntList> membersByRack = new HashMap<>();
        for (int m = 0; m < size; m++) {
            int member = m;
            racks.rackOf(m).ifPresent(rack -> membersByRack.computeIfAbsent(rack, r -> new IntList(8)).add(member));
        }
        Map<String, int[]> cursors = new HashMap<>();
        for (int i = 0; i < free.length; i++) {
            for (String rack : racks.racks(free[i])) {
                IntList candidates = membersByRack.get(rack);
                int member = candidates == null ? NONE
                        : firstWithRoom(candidates, cursors.computeIfAbsent(rack, r -> new int[2]));
                if (member != NONE) {
                    receiver[i] = member;
                    load[member]++;
                    break;
                }
            }
        }
    }

    /**
     * The rack's first member below the minimum, else (while extra slots remain) its first member at the
     * minimum. Loads only grow, so both cursors only move forward.
     */
    private int firstWithRoom(IntList candidates, int[] cursor) {
        while (cursor[0] < candidates.size() && load[candidates.get(cursor[0])] >= minQuota) {
            cursor[0]++;
        }
        if (cursor[0] < candidates.size()) {
            return candidates.get(cursor[0]);
        }
        if (extraSlots == 0) {
            return NONE;
        }
        while (cursor[1] < candidates.size() && load[candidates.get(cursor[1])] != minQuota) {
            cursor[1]++;
        }
        if (cursor[1] < candidates.size()) {
            extraSlots--;
            return candidates.get(cursor[1]);
        }
        return NONE;
    }

    /** The partitions still free fill members below the minimum, then one each to members at the minimum. */
    private void handOutRest(int[] free, int[] receiver) {
        int belowMinimum = 0;
        int atMinimum = 0;
        for (int i = 0; i < free.length; i++) {
            if (receiver[i] != NONE) {
                continue;
            }
            while (belowMinimum < size && load[belowMinimum] >= minQuota) {
                belowMinimum++;
            }
            if (belowMinimum < size) {
                receiver[i] = belowMinimum;
            } else {
                while (load[atMinimum] != minQuota) {
                    atMinimum++;
                }
                extraSlots--;
                receiver[i] = atMinimum;
            }
            load[receiver[i]]++;
        }
    }

    /** Adds the received partitions to the receivers' current ones (receivers never released any). */
    private void addReceived(int[] free, int[] receiver) {
        int[] start = new int[size + 1];
        for (int member : receiver) {
            start[member + 1]++;
        }
        for (int m = 0; m < size; m++) {
            start[m + 1] += start[m];
        }
        // A counting sort by receiver keeps each receiver's partitions ascending.
        int[] byReceiver = new int[free.length];
        int[] fill = Arrays.copyOf(start, size);
        for (int i = 0; i < free.length; i++) {
            byReceiver[fill[receiver[i]]++] = free[i];
        }
        for (int m = 0; m < size; m++) {
            if (start[m + 1] > start[m]) {
                IntList partitions = globalPartitions(current[m], start[m + 1] - start[m]);
                for (int i = start[m]; i < start[m + 1]; i++) {
                    partitions.add(byReceiver[i]);
                }
                // Kept and received partitions interleave in global order.
                partitions.sort();
                result[m] = partitions.toAssignment(index);
            }
        }
    }
}
