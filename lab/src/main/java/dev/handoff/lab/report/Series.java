package dev.handoff.lab.report;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;

/** Per-second series of a run, for the charts. */
final class Series {

    private Series() {
    }

    /** @return records processed in each second of the run */
    static double[] throughputPerSecond(Timeline timeline) {
        double[] perSecond = new double[seconds(timeline)];
        for (TimelineEvent e : timeline.events()) {
            if (e.kind() == EventKind.PROCESSED) {
                perSecond[bucket(e.atMs(), perSecond.length)] += e.count();
            }
        }
        return perSecond;
    }

    /** @return the highest end-to-end latency (ms) of the records processed in each second of the run */
    static double[] maxLatencyPerSecond(Timeline timeline) {
        double[] perSecond = new double[seconds(timeline)];
        for (TimelineEvent e : timeline.events()) {
            if (e.kind() == EventKind.PROCESSED) {
                int b = bucket(e.atMs(), perSecond.length);
                perSecond[b] = Math.max(perSecond[b], e.value());
            }
        }
        return perSecond;
    }

    private static int seconds(Timeline timeline) {
        return (int) (timeline.plan().endMs() / 1000) + 1;
    }

    private static int bucket(long atMs, int buckets) {
        return (int) Math.min(buckets - 1, Math.max(0, atMs / 1000));
    }
}
