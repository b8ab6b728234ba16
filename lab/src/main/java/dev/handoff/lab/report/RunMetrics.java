package dev.handoff.lab.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/**
 * The figures of one run, computed from its timeline alone (see docs/lab.md for the definitions).
 *
 * @param rolloutMs               from the first rollout step to the last assignment change (the group is stable)
 * @param stallMs                 the longest window, from the first step to the end, in which no consumer processed
 *                                a record
 * @param unavailablePartitionMs  sum over partitions of the time, from the first step on, with no live owner
 * @param pausedTotalMs           sum over consumers of the time they held no partition between two assignments
 * @param pausedMaxMs             the longest such time of one consumer
 * @param rebalances              distinct generations (classic) or member epochs (consumer) assigned after warm-up
 * @param disturbedPerChange      consumers that had partitions revoked or lost, averaged over membership changes
 *                                (the consumers being stopped are not counted)
 * @param disturbedMaxPerChange   the most consumers disturbed by one membership change
 * @param latencyP50Ms            end-to-end latency, median
 * @param latencyP99Ms            end-to-end latency, 99th percentile
 * @param latencyMaxMs            end-to-end latency, maximum
 * @param produced                records produced
 * @param processed               records processed, duplicates included
 * @param missing                 produced records never processed
 * @param duplicated              records processed more than once
 */
public record RunMetrics(long rolloutMs, long stallMs, long unavailablePartitionMs, long pausedTotalMs,
                         long pausedMaxMs, int rebalances, double disturbedPerChange, int disturbedMaxPerChange,
                         long latencyP50Ms, long latencyP99Ms, long latencyMaxMs, long produced, long processed,
                         long missing, long duplicated) {

    /** @return the metrics of {@code timeline} */
    public static RunMetrics of(Timeline timeline) {
        long firstStep = timeline.scenario().warmupMs();
        long end = timeline.plan().endMs();
        List<TimelineEvent> events = timeline.events();
        Disturbance disturbance = disturbance(timeline);
        return new RunMetrics(
            rolloutMs(events, firstStep),
            stallMs(events, firstStep, end),
            unavailablePartitionMs(timeline, firstStep, end),
            pausedMs(events, end, true),
            pausedMs(events, end, false),
            rebalances(events, firstStep),
            disturbance.mean(),
            disturbance.max(),
            timeline.latency().getValueAtPercentile(50),
            timeline.latency().getValueAtPercentile(99),
            timeline.latency().getMaxValue(),
            timeline.counts().produced(),
            timeline.counts().processed(),
            timeline.counts().missing(),
            timeline.counts().duplicated());
    }

    private static boolean changesAssignment(EventKind kind) {
        return kind == EventKind.ASSIGNED || kind == EventKind.REVOKED || kind == EventKind.LOST;
    }

    private static long rolloutMs(List<TimelineEvent> events, long firstStep) {
        long lastChange = firstStep;
        for (TimelineEvent e : events) {
            if (changesAssignment(e.kind()) && !e.partitions().isEmpty()) {
                lastChange = Math.max(lastChange, e.atMs());
            }
        }
        return lastChange - firstStep;
    }

    private static long stallMs(List<TimelineEvent> events, long from, long to) {
        long previous = from;
        long longest = 0;
        for (TimelineEvent e : events) {
            if (e.kind() == EventKind.PROCESSED && e.atMs() >= from && e.atMs() <= to) {
                longest = Math.max(longest, e.atMs() - previous);
                previous = e.atMs();
            }
        }
        return Math.max(longest, to - previous);
    }

    private static long unavailablePartitionMs(Timeline timeline, long from, long to) {
        Map<Integer, List<Interval>> owned = Ownership.ownedIntervalsByPartition(timeline);
        long total = 0;
        for (List<Interval> intervals : owned.values()) {
            total += to - from - Interval.coveredWithin(intervals, from, to);
        }
        int never = timeline.scenario().partitions() - owned.size();
        return total + (long) never * (to - from);
    }

    private static long pausedMs(List<TimelineEvent> events, long end, boolean sum) {
        long result = 0;
        for (List<Interval> paused : Ownership.pausedIntervalsByMember(events, end).values()) {
            long memberTotal = paused.stream().mapToLong(Interval::length).sum();
            result = sum ? result + memberTotal : Math.max(result, memberTotal);
        }
        return result;
    }

    private static int rebalances(List<TimelineEvent> events, long firstStep) {
        Set<Long> epochs = new HashSet<>();
        for (TimelineEvent e : events) {
            if (e.kind() == EventKind.ASSIGNED && e.atMs() >= firstStep) {
                epochs.add(e.value());
            }
        }
        return epochs.size();
    }

    private record Disturbance(double mean, int max) {
    }

    private static Disturbance disturbance(Timeline timeline) {
        TreeMap<Long, Set<String>> changes = new TreeMap<>();
        for (RolloutAction action : timeline.plan().actions()) {
            if (action.atMs() > 0) {
                Set<String> leaving = changes.computeIfAbsent(action.atMs(), t -> new HashSet<>());
                if (action.kind() == RolloutAction.Kind.STOP) {
                    leaving.add(action.member());
                }
            }
        }
        if (changes.isEmpty()) {
            return new Disturbance(0, 0);
        }
        Map<Long, Set<String>> disturbed = new HashMap<>();
        for (TimelineEvent e : timeline.events()) {
            if ((e.kind() == EventKind.REVOKED || e.kind() == EventKind.LOST) && !e.partitions().isEmpty()) {
                Long change = changes.floorKey(e.atMs());
                if (change != null && !changes.get(change).contains(e.member())) {
                    disturbed.computeIfAbsent(change, t -> new TreeSet<>()).add(e.member());
                }
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (Long change : changes.keySet()) {
            sizes.add(disturbed.getOrDefault(change, Set.of()).size());
        }
        double mean = sizes.stream().mapToInt(Integer::intValue).average().orElse(0);
        return new Disturbance(mean, sizes.stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}
