package dev.handoff.coordinator.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs each event inline on the caller's thread. An event submitted while another runs is queued and runs right
 * after it, so events never nest. For single-threaded tests only.
 */
public final class DirectEventProcessor implements EventProcessor {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private boolean running;

    @Override
    public void submit(Runnable event) {
        queue.addLast(event);
        if (running) {
            return;
        }
        running = true;
        try {
            Runnable next;
            while ((next = queue.pollFirst()) != null) {
                next.run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void wakeUpAfter(long delayMs, Runnable event) {
        // Time only moves when the test says so; see EventProcessor#wakeUpAfter.
    }

    @Override
    public void close() {
        queue.clear();
    }
}
