package dev.handoff.lab.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import org.HdrHistogram.Histogram;

/**
 * Collects the events of one run from every consumer, with timestamps from one clock. Thread-safe: in a live run
 * all consumer threads share one recorder (one collector rather than one per consumer keeps 150 consumers light).
 */
public final class TimelineRecorder {

    /** Latencies up to an hour at 3 significant digits. */
    private static final long MAX_LATENCY_MS = 3_600_000L;

    private final LongSupplier clockMs;
    private final List<TimelineEvent> events = new ArrayList<>();
    private final Histogram latency = new Histogram(MAX_LATENCY_MS, 3);
    private final RecordTally tally = new RecordTally();

    private final long latencyFromMs;

    /**
     * @param clockMs       milliseconds since the run's start
     * @param latencyFromMs only records produced from then on count in the latency histogram (the warm-up's
     *                      first assignment is not what a rollout is measured by)
     */
    public TimelineRecorder(LongSupplier clockMs, long latencyFromMs) {
        this.clockMs = clockMs;
        this.latencyFromMs = latencyFromMs;
    }

    public long nowMs() {
        return clockMs.getAsLong();
    }

    public RecordTally tally() {
        return tally;
    }

    /** Records {@code kind} now for {@code member}. */
    public void record(String member, int slot, EventKind kind, List<Integer> partitions, long value) {
        add(new TimelineEvent(nowMs(), member, slot, kind, partitions, 0, value));
    }

    /**
     * Records a batch processed now; the latency of each record, from its produce time, goes to the histogram.
     *
     * @param producedAtMs the records' produce times, on this recorder's clock
     */
    public void processed(String member, int slot, List<Integer> partitions, long[] producedAtMs) {
        long now = nowMs();
        long max = 0;
        synchronized (latency) {
            for (long producedAt : producedAtMs) {
                long clamped = Math.min(MAX_LATENCY_MS, Math.max(0, now - producedAt));
                if (producedAt >= latencyFromMs) {
                    latency.recordValue(clamped);
                }
                max = Math.max(max, clamped);
            }
        }
        add(new TimelineEvent(now, member, slot, EventKind.PROCESSED, partitions, producedAtMs.length, max));
    }

    public void add(TimelineEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** @return the run as data, events sorted by time (stable for events at the same millisecond) */
    public Timeline finish(Protocol protocol, String mode, Scenario scenario, RolloutPlan plan) {
        List<TimelineEvent> sorted;
        synchronized (events) {
            sorted = new ArrayList<>(events);
        }
        sorted.sort(Comparator.comparingLong(TimelineEvent::atMs));
        Histogram copy;
        synchronized (latency) {
            copy = latency.copy();
        }
        return new Timeline(protocol, mode, scenario, plan, sorted, copy, tally.counts());
    }
}
