package dev.handoff.coordinator.assignor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Uniform assignment of a homogeneous component (all members subscribe to the same topics), in linear time.
 *
 * <p>With {@code P} partitions and {@code N} members every member gets {@code P / N} partitions and
 * {@code P % N} members get one more. Stickiness: each member first keeps up to {@code P / N} of its current
 * partitions; the extra slots go first to members that already hold more than that, so a join or leave moves
 * the fewest partitions possible. Free partitions are then handed out, to a same-rack member first when
 * racks are known, otherwise in member id order.
 */
final class QuotaAssignment {

    private final Ownership ownership;
    private final RackMatcher racks;
    private final TopicIndex index;
    private final int[] members;
    private final int[] topics;
    private final int minQuota;
    private int extraSlots;

    QuotaAssignment(Ownership ownership, RackMatcher racks, TopicIndex index, int[] members, int[] topics) {
        this.ownership = ownership;
        this.racks = racks;
        this.index = index;
        this.members = members;
        this.topics = topics;
        int total = 0;
        for (int topic : topics) {
            total += index.numPartitions(topic);
        }
        this.minQuota = total / members.length;
        this.extraSlots = total % members.length;
    }

    void run() {
        keepCurrentPartitions();
        if (racks != null) {
            handOutToSameRack();
        }
        handOutRest();
    }

    private void keepCurrentPartitions() {
        IntList keepable = new IntList(minQuota + 2);
        int[] extraCandidate = new int[members.length];
        Arrays.fill(extraCandidate, Ownership.FREE);
        for (int i = 0; i < members.length; i++) {
            int member = members[i];
            ownership.collectKeepable(member, keepable);
            if (racks != null && keepable.size() > minQuota) {
                racks.sameRackFirst(member, keepable);
            }
            int kept = Math.min(keepable.size(), minQuota);
            for (int k = 0; k < kept; k++) {
                ownership.keep(member, keepable.get(k));
            }
            if (keepable.size() > minQuota) {
                extraCandidate[i] = keepable.get(minQuota);
            }
        }
        // Extra slots go to members that already hold one more than the minimum, in member id order.
        for (int i = 0; i < members.length && extraSlots > 0; i++) {
            int candidate = extraCandidate[i];
            if (candidate != Ownership.FREE && ownership.owner(candidate) == Ownership.FREE) {
                ownership.keep(members[i], candidate);
                extraSlots--;
            }
        }
        for (int member : members) {
            ownership.markDroppedIfFewerThanCurrent(member, ownership.load(member));
        }
    }

    private void handOutToSameRack() {
        Map<String, IntList> membersByRack = new HashMap<>();
        for (int member : members) {
            racksMemberOf(member, membersByRack);
        }
        if (membersByRack.isEmpty()) {
            return;
        }
        Map<String, int[]> cursor = new HashMap<>();
        for (int topic : topics) {
            int offset = index.offset(topic);
            for (int p = 0; p < index.numPartitions(topic); p++) {
                int g = offset + p;
                if (ownership.owner(g) != Ownership.FREE) {
                    continue;
                }
                for (String rack : racks.racks(g)) {
                    IntList candidates = membersByRack.get(rack);
                    if (candidates != null && giveToFirstWithRoom(candidates, cursor.computeIfAbsent(rack, r -> new int[2]), g)) {
                        break;
                    }
                }
            }
        }
    }

    private void racksMemberOf(int member, Map<String, IntList> membersByRack) {
        racks.rackOf(member).ifPresent(rack -> membersByRack.computeIfAbsent(rack, r -> new IntList(8)).add(member));
    }

    /**
     * Gives to a member of the rack that has room, members below the minimum first. Loads only grow while
     * handing out, so both cursors only move forward: {@code cursor[0]} past members at or above the
     * minimum, {@code cursor[1]} (used once all are at the minimum) past members above it.
     */
    private boolean giveToFirstWithRoom(IntList candidates, int[] cursor, int globalPartition) {
        while (cursor[0] < candidates.size() && ownership.load(candidates.get(cursor[0])) >= minQuota) {
            cursor[0]++;
        }
        if (cursor[0] < candidates.size()) {
            ownership.give(candidates.get(cursor[0]), globalPartition);
            return true;
        }
        if (extraSlots == 0) {
            return false;
        }
        while (cursor[1] < candidates.size() && ownership.load(candidates.get(cursor[1])) != minQuota) {
            cursor[1]++;
        }
        if (cursor[1] < candidates.size()) {
            extraSlots--;
            ownership.give(candidates.get(cursor[1]), globalPartition);
            return true;
        }
        return false;
    }

    private void handOutRest() {
        int belowMinimum = 0;
        int atMinimum = 0;
        for (int topic : topics) {
            int offset = index.offset(topic);
            for (int p = 0; p < index.numPartitions(topic); p++) {
                int g = offset + p;
                if (ownership.owner(g) != Ownership.FREE) {
                    continue;
                }
                while (belowMinimum < members.length && ownership.load(members[belowMinimum]) >= minQuota) {
                    belowMinimum++;
                }
                if (belowMinimum < members.length) {
                    ownership.give(members[belowMinimum], g);
                    continue;
                }
                // Every member has its minimum; the remaining partitions are exactly the unused extra slots.
                while (ownership.load(members[atMinimum]) != minQuota) {
                    atMinimum++;
                }
                extraSlots--;
                ownership.give(members[atMinimum], g);
            }
        }
    }
}
