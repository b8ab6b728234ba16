package dev.handoff.bench.assignor;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * Quality side of the comparison, for the same inputs as the benchmark: balance (max - min partitions per
 * member), partitions moved between members that stay in the group and, with racks, partitions owned by a
 * member in another rack than the partition's. Times are single cold runs and
 * only indicative; JMH gives the real figures.
 */
final class AssignorReport {

    private final PrintWriter out;

    AssignorReport(PrintWriter out) {
        this.out = out;
    }

    void run(List<Integer> memberCounts, List<Integer> partitionsPerMember, List<Integer> topicCounts,
            List<Scenario.Subscription> subscriptions, List<Scenario.Change> changes, List<String> assignors,
            List<Integer> rackCounts) {
        out.printf("%-8s %-8s %7s %4s %6s %-11s %-16s %5s %9s %7s %10s %7s%n",
                "impl", "assignor", "members", "ppm", "topics", "subs", "change", "racks", "balance", "moved",
                "cross-rack", "ms");
        for (int racks : rackCounts) {
            for (int members : memberCounts) {
                run(members, partitionsPerMember, topicCounts, subscriptions, changes, assignors, racks);
            }
        }
        out.flush();
    }

    private void run(int members, List<Integer> partitionsPerMember, List<Integer> topicCounts,
            List<Scenario.Subscription> subscriptions, List<Scenario.Change> changes, List<String> assignors,
            int racks) {
        for (int ppm : partitionsPerMember) {
            for (int topics : topicCounts) {
                for (Scenario.Subscription subscription : subscriptions) {
                    Scenario before = Scenario.of(members, ppm, topics, subscription).withRacks(racks);
                    for (Scenario.Change change : changes) {
                        Scenario after = before.after(change, ppm);
                        Scenario previous = change == Scenario.Change.FULL ? after.withoutMembers() : before;
                        for (String assignor : assignors) {
                            for (AssignorUnderTest.Implementation impl : AssignorUnderTest.Implementation.values()) {
                                row(impl, assignor, members, ppm, topics, subscription, change, previous, after);
                            }
                        }
                    }
                }
            }
        }
    }

    private void row(AssignorUnderTest.Implementation impl, String assignor, int members, int ppm, int topics,
            Scenario.Subscription subscription, Scenario.Change change, Scenario before, Scenario after) {
        AssignorUnderTest prepared = AssignorUnderTest.prepare(impl, assignor, before, after);
        long start = System.nanoTime();
        Object result = prepared.assign();
        long micros = (System.nanoTime() - start) / 1_000;
        Map<String, Map<Uuid, int[]>> now = prepared.normalise(result);
        out.printf("%-8s %-8s %7d %4d %6d %-11s %-16s %5d %9d %7d %10d %7.1f%n", impl, assignor, members, ppm,
                topics, subscription, change, after.racks(), balance(now), moved(prepared.previous(), now),
                crossRack(after, now), micros / 1000.0);
    }

    static int balance(Map<String, Map<Uuid, int[]>> assignment) {
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (Map<Uuid, int[]> member : assignment.values()) {
            int total = 0;
            for (int[] partitions : member.values()) {
                total += partitions.length;
            }
            max = Math.max(max, total);
            min = Math.min(min, total);
        }
        return assignment.isEmpty() ? 0 : max - min;
    }

    /** Partitions owned by a member outside every rack of the partition; 0 without racks. */
    static int crossRack(Scenario scenario, Map<String, Map<Uuid, int[]>> assignment) {
        if (scenario.racks() == 0) {
            return 0;
        }
        Map<Uuid, List<Set<String>>> partitionRacks = scenario.partitionRacks();
        int cross = 0;
        for (Map.Entry<String, Map<Uuid, int[]>> member : assignment.entrySet()) {
            String rack = scenario.rackOf(member.getKey()).orElseThrow();
            for (Map.Entry<Uuid, int[]> topic : member.getValue().entrySet()) {
                for (int p : topic.getValue()) {
                    if (!partitionRacks.get(topic.getKey()).get(p).contains(rack)) {
                        cross++;
                    }
                }
            }
        }
        return cross;
    }

    /** Partitions whose owner changed while the previous owner is still a member. */
    static int moved(Map<String, Map<Uuid, int[]>> before, Map<String, Map<Uuid, int[]>> after) {
        Map<Uuid, Map<Integer, String>> owners = new HashMap<>();
        after.forEach((member, topics) -> topics.forEach((topic, partitions) -> {
            Map<Integer, String> byPartition = owners.computeIfAbsent(topic, t -> new HashMap<>());
            for (int p : partitions) {
                byPartition.put(p, member);
            }
        }));
        int moved = 0;
        for (Map.Entry<String, Map<Uuid, int[]>> member : before.entrySet()) {
            if (!after.containsKey(member.getKey())) {
                continue;
            }
            for (Map.Entry<Uuid, int[]> topic : member.getValue().entrySet()) {
                Map<Integer, String> byPartition = owners.getOrDefault(topic.getKey(), Map.of());
                for (int p : topic.getValue()) {
                    String owner = byPartition.get(p);
                    if (owner != null && !owner.equals(member.getKey())) {
                        moved++;
                    }
                }
            }
        }
        return moved;
    }
}
