package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.common.protocol.Errors;

/**
 * What the load generator counts, safe to record from several event loops at once: latencies of successful
 * heartbeats (HdrHistogram), errors by code, joins and leaves. {@link #snapshot} reads and resets, so a warm-up
 * can be dropped.
 */
final class HeartbeatStats {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder latencies = new Recorder(SIGNIFICANT_DIGITS);
    private final Map<Errors, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder joins = new LongAdder();
    private final LongAdder leaves = new LongAdder();
    private Histogram recycled;

    void recordSuccess(long latencyNanos) {
        latencies.recordValue(Math.max(0, latencyNanos));
    }

    void recordError(Errors error) {
        errors.computeIfAbsent(error, code -> new LongAdder()).increment();
    }

    void recordJoin() {
        joins.increment();
    }

    void recordLeave() {
        leaves.increment();
    }

    /**
     * The figures since the last snapshot, which become zero again.
     *
     * @param elapsed the time they were collected over
     */
    synchronized HeartbeatFigures snapshot(Duration elapsed) {
        Histogram histogram = latencies.getIntervalHistogram(recycled);
        Map<Errors, Long> errorCounts = new TreeMap<>();
        errors.forEach((error, count) -> {
            long value = count.sumThenReset();
            if (value > 0) {
                errorCounts.put(error, value);
            }
        });
        HeartbeatFigures figures = new HeartbeatFigures(elapsed, histogram.getTotalCount(),
                LatencyFigures.of(histogram), errorCounts, joins.sumThenReset(), leaves.sumThenReset());
        recycled = histogram;
        return figures;
    }
}
