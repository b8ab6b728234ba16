package dev.handoff.lab.live;

/**
 * The one clock of a live run: monotonic time since the run's start, shared by the producer and the consumers.
 * It also keeps the start on the wall clock, to place events timed by the broker's wall clock (the coordinator's
 * flight recording) on the run's time.
 */
final class RunClock {

    private final long startEpochMs = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();

    long micros() {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** @return the run's start, in milliseconds since the epoch */
    long startEpochMs() {
        return startEpochMs;
    }
}
