package dev.handoff.lab.sim;

/**
 * The topic, its steady producer and the committed offsets. The producer is exact rather than simulated event by
 * event: record {@code seq} is produced at {@code seq * 1000 / rate} ms to partition {@code seq % partitions} at
 * offset {@code seq / partitions}, like the live producer's round robin.
 */
final class Workload {

    private final int partitions;
    private final int recordsPerSecond;
    private final long[] committed;

    Workload(int partitions, int recordsPerSecond) {
        this.partitions = partitions;
        this.recordsPerSecond = recordsPerSecond;
        this.committed = new long[partitions];
    }

    int partitions() {
        return partitions;
    }

    long seq(int partition, long offset) {
        return offset * partitions + partition;
    }

    /** @return when the record at {@code offset} of {@code partition} is produced (ms, rounded up) */
    long producedAtMs(int partition, long offset) {
        return (seq(partition, offset) * 1000 + recordsPerSecond - 1) / recordsPerSecond;
    }

    /** @return records produced up to and including {@code nowMs} */
    long producedBy(long nowMs) {
        return nowMs * recordsPerSecond / 1000 + 1;
    }

    /** @return the log end offset of {@code partition} at {@code nowMs}, the producer stopping at {@code stopMs} */
    long logEnd(int partition, long nowMs, long stopMs) {
        long produced = producedBy(Math.min(nowMs, stopMs));
        return produced <= partition ? 0 : (produced - 1 - partition) / partitions + 1;
    }

    long committed(int partition) {
        return committed[partition];
    }

    void commit(int partition, long offset) {
        committed[partition] = Math.max(committed[partition], offset);
    }
}
