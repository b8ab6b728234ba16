package dev.handoff.bench.handoff;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The handoffs of a lab timeline: a partition's last owner gives it up (revoked, lost, or its consumer stopped or
 * was killed) and, later, a consumer is assigned it. The handoff time is the time between, during which nobody
 * owns the partition; the lab's partition-unavailable time is the sum of the same gaps.
 *
 * @param durationsMs the handoffs that started from {@code fromMs} on, in the order they finished; one still open
 *                    when the run ends counts until the end
 * @param unfinished  how many of them were still open when the run ended
 */
record Handoffs(List<Long> durationsMs, int unfinished) {

    Handoffs {
        durationsMs = List.copyOf(durationsMs);
    }

    /**
     * @param events the run's events, ordered by time
     * @param fromMs handoffs that start earlier (the warm-up's first assignment) are not counted
     * @param endMs  the run's end
     */
    static Handoffs of(List<TimelineEvent> events, long fromMs, long endMs) {
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        Map<Integer, Integer> owners = new HashMap<>();
        Map<Integer, Long> unownedSince = new TreeMap<>();
        List<Long> durations = new ArrayList<>();
        for (TimelineEvent e : events) {
            for (int partition : released(e, held)) {
                if (owners.merge(partition, -1, Integer::sum) == 0) {
                    unownedSince.put(partition, e.atMs());
                }
            }
            if (e.kind() == EventKind.ASSIGNED) {
                for (int partition : e.partitions()) {
                    if (held.computeIfAbsent(e.member(), m -> new TreeSet<>()).add(partition)
                            && owners.merge(partition, 1, Integer::sum) == 1) {
                        Long since = unownedSince.remove(partition);
                        if (since != null && since >= fromMs) {
                            durations.add(e.atMs() - since);
                        }
                    }
                }
            }
        }
        int unfinished = 0;
        for (long since : unownedSince.values()) {
            if (since >= fromMs) {
                durations.add(endMs - since);
                unfinished++;
            }
        }
        return new Handoffs(durations, unfinished);
    }

    /** @return the partitions {@code e} takes from its consumer, updating {@code held} */
    private static List<Integer> released(TimelineEvent e, Map<String, TreeSet<Integer>> held) {
        TreeSet<Integer> mine = held.get(e.member());
        if (mine == null) {
            return List.of();
        }
        List<Integer> released = new ArrayList<>();
        switch (e.kind()) {
            case REVOKED, LOST -> e.partitions().stream().filter(mine::remove).forEach(released::add);
            case STOPPED, KILLED -> {
                released.addAll(mine);
                mine.clear();
            }
            default -> {
            }
        }
        return released;
    }

    /** @return the median handoff time, nearest rank; 0 without handoffs */
    long medianMs() {
        return percentileMs(50);
    }

    /** @return the {@code percent}th percentile handoff time, nearest rank; 0 without handoffs */
    long percentileMs(int percent) {
        return Percentiles.nearestRank(durationsMs, percent);
    }
}
