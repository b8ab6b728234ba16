package dev.handoff.bench;

import java.time.Duration;

/**
 * What one load run moved, in the units kafka-tools' ProducerPerformance and ConsumerPerformance print.
 *
 * @param records how many records
 * @param bytes   their value bytes
 * @param elapsed from the first send (or poll) to the last acknowledgement (or record)
 */
record Throughput(long records, long bytes, Duration elapsed) {

    /** Kafka's performance tools count a MB as 1024 × 1024 bytes. */
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    double recordsPerSecond() {
        return records / seconds();
    }

    double megabytesPerSecond() {
        return bytes / BYTES_PER_MB / seconds();
    }

    private double seconds() {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }
}
