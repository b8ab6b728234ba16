package dev.handoff.bench.handoff;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
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
 * @param handoffs   the handoffs that started from {@code fromMs} on, in the order they finished; one still open
 *                   when the run ends counts until the end
 * @param unfinished how many of them were still open when the run ended
 */
record Handoffs(List<Handoff> handoffs, int unfinished) {

    Handoffs {
        handoffs = List.copyOf(handoffs);
    }

    /**
     * One partition without an owner, kept whole so that long handoffs can be explained.
     *
     * @param partition  the partition
     * @param fromMs     when its last owner gave it up
     * @param toMs       when a consumer was assigned it (the run's end if none was)
     * @param cause      how the last owner gave it up: revoked, lost, stopped or killed
     * @param releasedBy the last owner
     * @param receivedBy the consumer assigned it; empty if none was by the end
     */
    record Handoff(int partition, long fromMs, long toMs, EventKind cause, String releasedBy, String receivedBy) {

        long durationMs() {
            return toMs - fromMs;
        }
    }

    /** The time without an owner of each handoff, in the order they finished. */
    List<Long> durationsMs() {
        return handoffs.stream().map(Handoff::durationMs).toList();
    }

    /** @return the {@code count} longest handoffs, longest first */
    List<Handoff> longest(int count) {
        return handoffs.stream().sorted(Comparator.comparingLong(Handoff::durationMs).reversed()).limit(count).toList();
    }

    /**
     * @param events the run's events, ordered by time
     * @param fromMs handoffs that start earlier (the warm-up's first assignment) are not counted
     * @param endMs  the run's end
     */
    static Handoffs of(List<TimelineEvent> events, long fromMs, long endMs) {
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        Map<Integer, Integer> owners = new HashMap<>();
        Map<Integer, TimelineEvent> unownedSince = new TreeMap<>();
        List<Handoff> handoffs = new ArrayList<>();
        for (TimelineEvent e : events) {
            for (int partition : released(e, held)) {
                if (owners.merge(partition, -1, Integer::sum) == 0) {
                    unownedSince.put(partition, e);
                }
            }
            if (e.kind() == EventKind.ASSIGNED) {
                for (int partition : e.partitions()) {
                    if (held.computeIfAbsent(e.member(), m -> new TreeSet<>()).add(partition)
                            && owners.merge(partition, 1, Integer::sum) == 1) {
                        TimelineEvent since = unownedSince.remove(partition);
                        if (since != null && since.atMs() >= fromMs) {
                            handoffs.add(new Handoff(partition, since.atMs(), e.atMs(), since.kind(), since.member(),
                                    e.member()));
                        }
                    }
                }
            }
        }
        int unfinished = 0;
        for (Map.Entry<Integer, TimelineEvent> open : unownedSince.entrySet()) {
            TimelineEvent since = open.getValue();
            if (since.atMs() >= fromMs) {
                handoffs.add(new Handoff(open.getKey(), since.atMs(), endMs, since.kind(), since.member(), ""));
                unfinished++;
            }
        }
        return new Handoffs(handoffs, unfinished);
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
        return Percentiles.nearestRank(durationsMs(), percent);
    }
}
