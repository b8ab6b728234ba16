package dev.handoff.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/**
 * The qualitative facts the lab's tests assert, read from a timeline, shared by the simulated and the real-client
 * tests: they must hold for both.
 */
public final class RolloutFacts {

    private RolloutFacts() {
    }

    /**
     * @return the moments, from the first step to the end, at which no partition at all was owned: a group-wide
     *         stop (empty when the group always kept processing something)
     */
    public static List<Long> momentsWithNoPartitionOwned(Timeline timeline) {
        Map<String, Set<Integer>> held = new HashMap<>();
        List<Long> moments = new ArrayList<>();
        long firstStep = timeline.scenario().warmupMs();
        long end = timeline.plan().endMs();
        for (TimelineEvent e : timeline.events()) {
            Set<Integer> mine = held.computeIfAbsent(e.member(), m -> new HashSet<>());
            switch (e.kind()) {
                case ASSIGNED -> mine.addAll(e.partitions());
                case REVOKED, LOST -> mine.removeAll(e.partitions());
                case STOPPED, KILLED -> mine.clear();
                default -> {
                    continue;
                }
            }
            boolean nothingOwned = held.values().stream().allMatch(Set::isEmpty);
            if (nothingOwned && e.atMs() >= firstStep && e.atMs() <= end) {
                moments.add(e.atMs());
            }
        }
        return moments;
    }

    /**
     * @return revocations (member and partitions) after which the member got a revoked partition back: in an
     *         incremental protocol a revocation only ever moves a partition to another consumer
     */
    public static List<String> revocationsOfPartitionsThatDidNotMove(Timeline timeline) {
        List<String> stayed = new ArrayList<>();
        List<TimelineEvent> events = timeline.events();
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent revoked = events.get(i);
            if (revoked.kind() != EventKind.REVOKED || revoked.partitions().isEmpty()
                || stopsAt(timeline, revoked.member(), revoked.atMs())) {
                continue;
            }
            Set<Integer> pending = new TreeSet<>(revoked.partitions());
            for (int j = i + 1; j < events.size() && !pending.isEmpty(); j++) {
                TimelineEvent next = events.get(j);
                if (next.kind() == EventKind.ASSIGNED) {
                    for (int p : next.partitions()) {
                        if (pending.remove(p) && next.member().equals(revoked.member())) {
                            stayed.add(revoked.member() + " p" + p + " at " + revoked.atMs() + " ms");
                        }
                    }
                }
            }
        }
        return stayed;
    }

    private static boolean stopsAt(Timeline timeline, String member, long atMs) {
        return timeline.events().stream().anyMatch(e -> e.member().equals(member)
            && (e.kind() == EventKind.STOPPED || e.kind() == EventKind.KILLED) && e.atMs() >= atMs
            && e.atMs() - atMs <= 1_000);
    }

    /**
     * @return for each rollout step, the consumers that lived through the whole step and had something revoked in
     *         it; with the eager protocol that is every one of them
     */
    public static Map<Long, Set<String>> revokedPerStep(Timeline timeline) {
        List<Long> steps = timeline.plan().actions().stream()
            .filter(a -> a.kind() == RolloutAction.Kind.STOP).map(RolloutAction::atMs).distinct().toList();
        Map<Long, Set<String>> revoked = new HashMap<>();
        for (int s = 0; s < steps.size(); s++) {
            long from = steps.get(s);
            long to = s + 1 < steps.size() ? steps.get(s + 1) : timeline.plan().endMs();
            Set<String> inStep = new TreeSet<>();
            timeline.events().stream()
                .filter(e -> e.kind() == EventKind.REVOKED && !e.partitions().isEmpty())
                .filter(e -> e.atMs() >= from && e.atMs() < to)
                .forEach(e -> inStep.add(e.member()));
            revoked.put(from, inStep);
        }
        return revoked;
    }

    /** @return consumers alive (started, not stopped) during the whole of {@code [from, to)} */
    public static Set<String> aliveThroughout(Timeline timeline, long from, long to) {
        Map<String, long[]> lives = new HashMap<>();
        for (TimelineEvent e : timeline.events()) {
            if (e.kind() == EventKind.STARTED) {
                lives.put(e.member(), new long[] {e.atMs(), Long.MAX_VALUE});
            } else if ((e.kind() == EventKind.STOPPED || e.kind() == EventKind.KILLED) && lives.containsKey(e.member())) {
                lives.get(e.member())[1] = e.atMs();
            }
        }
        Set<String> alive = new TreeSet<>();
        lives.forEach((member, life) -> {
            if (life[0] <= from && life[1] >= to) {
                alive.add(member);
            }
        });
        return alive;
    }
}
