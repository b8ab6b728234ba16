package dev.handoff.coordinator.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Queues events until the test runs them with {@link #poll()} or {@link #drain()}, so a test can observe the loop
 * between submission and execution (for example an operation submitted while the log is loading).
 */
public final class ManualEventProcessor implements EventProcessor {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private OptionalLong requestedWakeUpDelayMs = OptionalLong.empty();

    @Override
    public void submit(Runnable event) {
        queue.addLast(event);
    }

    @Override
    public void wakeUpAfter(long delayMs, Runnable event) {
        requestedWakeUpDelayMs = OptionalLong.of(delayMs);
    }

    /** Runs the oldest queued event. @return false if there was none */
    public boolean poll() {
        Runnable event = queue.pollFirst();
        if (event == null) {
            return false;
        }
        event.run();
        return true;
    }

    /** Runs queued events, including ones they queue, until none is left. */
    public void drain() {
        while (poll()) {
            // keep going
        }
    }

    public int size() {
        return queue.size();
    }

    /** @return the delay of the last wake-up the loop asked for */
    public OptionalLong requestedWakeUpDelayMs() {
        return requestedWakeUpDelayMs;
    }

    @Override
    public void close() {
        queue.clear();
    }
}
