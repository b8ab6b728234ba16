package dev.handoff.lab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/**
 * Who owned what when, replayed from the assignment events: {@code ASSIGNED} adds partitions, {@code REVOKED} and
 * {@code LOST} remove them, and a consumer that stops or is killed owns nothing from then on.
 */
final class Ownership {

    private Ownership() {
    }

    /** @return for each partition ever owned, the intervals in which some consumer owned it (merged, sorted) */
    static Map<Integer, List<Interval>> ownedIntervalsByPartition(Timeline timeline) {
        long end = timeline.plan().endMs();
        Map<Integer, Integer> owners = new HashMap<>();
        Map<Integer, Long> ownedSince = new HashMap<>();
        Map<Integer, List<Interval>> intervals = new TreeMap<>();
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        for (TimelineEvent e : timeline.events()) {
            for (int p : removedBy(e, held)) {
                int left = owners.merge(p, -1, Integer::sum);
                if (left == 0) {
                    intervals.computeIfAbsent(p, k -> new ArrayList<>()).add(new Interval(ownedSince.get(p), e.atMs()));
                }
            }
            if (e.kind() == EventKind.ASSIGNED) {
                for (int p : e.partitions()) {
                    if (held.computeIfAbsent(e.member(), m -> new TreeSet<>()).add(p)
                        && owners.merge(p, 1, Integer::sum) == 1) {
                        ownedSince.put(p, e.atMs());
                    }
                }
            }
        }
        owners.forEach((p, count) -> {
            if (count > 0) {
                intervals.computeIfAbsent(p, k -> new ArrayList<>()).add(new Interval(ownedSince.get(p), end));
            }
        });
        return intervals;
    }

    /** @return the partitions {@code e} takes from its member, updating {@code held} */
    private static List<Integer> removedBy(TimelineEvent e, Map<String, TreeSet<Integer>> held) {
        TreeSet<Integer> mine = held.get(e.member());
        if (mine == null) {
            return List.of();
        }
        List<Integer> removed = new ArrayList<>();
        if (e.kind() == EventKind.REVOKED || e.kind() == EventKind.LOST) {
            for (int p : e.partitions()) {
                if (mine.remove(p)) {
                    removed.add(p);
                }
            }
        } else if (e.kind() == EventKind.STOPPED || e.kind() == EventKind.KILLED) {
            removed.addAll(mine);
            mine.clear();
        }
        return removed;
    }

    /**
     * @return per consumer, the intervals in which it was alive, had been assigned partitions before, and held
     *         none (it waits for the rebalance to give it work again), up to {@code end}
     */
    static Map<String, List<Interval>> pausedIntervalsByMember(List<TimelineEvent> events, long end) {
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        Map<String, Long> pausedSince = new HashMap<>();
        Map<String, List<Interval>> paused = new LinkedHashMap<>();
        for (TimelineEvent e : events) {
            String member = e.member();
            switch (e.kind()) {
                case ASSIGNED -> {
                    TreeSet<Integer> mine = held.computeIfAbsent(member, m -> new TreeSet<>());
                    mine.addAll(e.partitions());
                    Long since = pausedSince.remove(member);
                    if (since != null && !mine.isEmpty()) {
                        paused.computeIfAbsent(member, m -> new ArrayList<>()).add(new Interval(since, e.atMs()));
                    } else if (since != null) {
                        pausedSince.put(member, since);
                    }
                }
                case REVOKED, LOST -> {
                    TreeSet<Integer> mine = held.get(member);
                    if (mine != null && !mine.isEmpty()) {
                        mine.removeAll(e.partitions());
                        if (mine.isEmpty()) {
                            pausedSince.put(member, e.atMs());
                        }
                    }
                }
                case STOPPED, KILLED -> {
                    held.remove(member);
                    pausedSince.remove(member);
                }
                default -> {
                }
            }
        }
        pausedSince.forEach((member, since) -> {
            if (since < end) {
                paused.computeIfAbsent(member, m -> new ArrayList<>()).add(new Interval(since, end));
            }
        });
        return paused;
    }
}
