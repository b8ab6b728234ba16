package dev.handoff.lab.report;

import java.util.List;

/**
 * A half-open time interval {@code [fromMs, toMs)}.
 *
 * @param fromMs start
 * @param toMs   end
 */
public record Interval(long fromMs, long toMs) {

    public long length() {
        return toMs - fromMs;
    }

    /** @return how much of {@code [from, to)} the disjoint {@code intervals} cover */
    static long coveredWithin(List<Interval> intervals, long from, long to) {
        long covered = 0;
        for (Interval i : intervals) {
            covered += Math.max(0, Math.min(to, i.toMs) - Math.max(from, i.fromMs));
        }
        return covered;
    }
}
