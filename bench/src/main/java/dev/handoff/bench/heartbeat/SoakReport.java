package dev.handoff.bench.heartbeat;

import java.util.Locale;

/**
 * What a soak found. Its checks: no member fenced without cause, no member failed, and the broker's heap after GC
 * at the end at most {@code heapGrowthLimit} times the heap after GC once all members had joined.
 *
 * @param figures         everything after the members had joined: heartbeats, latency, errors, joins and leaves
 * @param failedMembers   members stopped by an error the consumer would not retry
 * @param heapStartBytes  the broker's heap after GC once all members had joined
 * @param heapEndBytes    the broker's heap after GC at the end, before the members left
 */
record SoakReport(HeartbeatFigures figures, int failedMembers, long heapStartBytes, long heapEndBytes) {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    long fencedWithoutCause() {
        return figures.fenced();
    }

    double heapGrowth() {
        return heapStartBytes == 0 ? 0 : (double) heapEndBytes / heapStartBytes;
    }

    boolean passed(double heapGrowthLimit) {
        return fencedWithoutCause() == 0 && failedMembers == 0 && heapGrowth() <= heapGrowthLimit;
    }

    String render() {
        return String.format(Locale.ROOT, """
                heartbeats: %,d (%,.0f/s) over %s; joins %,d, leaves %,d
                heartbeat latency: p50 %,d us, p99 %,d us, p99.9 %,d us, max %,d us
                errors: %s
                fenced without cause: %,d; failed members: %d
                broker heap after GC: %.1f MiB after joining, %.1f MiB at the end (x%.2f)
                """, figures.successes(), figures.heartbeatsPerSecond(), figures.elapsed(), figures.joins(),
                figures.leaves(), micros(figures.latency().p50().toNanos()), micros(figures.latency().p99().toNanos()),
                micros(figures.latency().p999().toNanos()), micros(figures.latency().max().toNanos()),
                figures.errors().isEmpty() ? "none" : figures.errors(), fencedWithoutCause(), failedMembers,
                heapStartBytes / BYTES_PER_MIB, heapEndBytes / BYTES_PER_MIB, heapGrowth());
    }

    private static long micros(long nanos) {
        return nanos / 1_000;
    }
}
