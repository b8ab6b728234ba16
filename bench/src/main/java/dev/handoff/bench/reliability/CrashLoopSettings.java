package dev.handoff.bench.reliability;

/**
 * How hard the crash loop pushes.
 *
 * @param cycles           kill-and-restart cycles
 * @param seed             seeds the kill moments, so a run can be repeated
 * @param producers        idempotent producers, each living across every restart
 * @param partitions       partitions of the topic written
 * @param recordsPerSecond produce rate while the broker is up (all producers together); bounds the log, and with
 *                         it the time each full re-read takes
 * @param minUpMs          shortest time the broker takes traffic before it is killed
 * @param maxUpMs          longest time the broker takes traffic before it is killed
 * @param segmentBytes     the topic's {@code segment.bytes}: small, so crashes also hit segment rolls
 */
public record CrashLoopSettings(int cycles, long seed, int producers, int partitions, int recordsPerSecond,
                                int minUpMs, int maxUpMs, int segmentBytes) {

    public CrashLoopSettings {
        if (cycles < 1 || producers < 1 || partitions < 1 || recordsPerSecond < 1 || minUpMs < 0
                || maxUpMs < minUpMs || segmentBytes < 1024) {
            throw new IllegalArgumentException("Invalid crash loop settings: " + cycles + " cycles, " + producers
                    + " producers, " + partitions + " partitions, " + recordsPerSecond + " records/s, up "
                    + minUpMs + ".." + maxUpMs + " ms, segment.bytes " + segmentBytes);
        }
    }
}
