package dev.handoff.lab.live;

/** The one clock of a live run: monotonic time since the run's start, shared by the producer and the consumers. */
final class RunClock {

    private final long startNanos = System.nanoTime();

    long micros() {
        return (System.nanoTime() - startNanos) / 1_000;
    }

    long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
