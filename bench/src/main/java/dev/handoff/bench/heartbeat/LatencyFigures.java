package dev.handoff.bench.heartbeat;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in nanoseconds. */
record LatencyFigures(Duration p50, Duration p99, Duration p999, Duration max) {

    static final LatencyFigures NONE = new LatencyFigures(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    static LatencyFigures of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            return NONE;
        }
        return new LatencyFigures(Duration.ofNanos(nanos.getValueAtPercentile(50)),
                Duration.ofNanos(nanos.getValueAtPercentile(99)), Duration.ofNanos(nanos.getValueAtPercentile(99.9)),
                Duration.ofNanos(nanos.getMaxValue()));
    }
}
