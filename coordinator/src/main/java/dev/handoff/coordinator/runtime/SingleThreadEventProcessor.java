package dev.handoff.coordinator.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The production processor: one daemon thread runs every event of the loop, so the shard is confined to it. Timer
 * wake-ups are scheduled on the same thread.
 */
public final class SingleThreadEventProcessor implements EventProcessor {

    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> wakeUp;

    public SingleThreadEventProcessor(String threadName) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void submit(Runnable event) {
        executor.execute(event);
    }

    /** Called from the loop thread only, so replacing the pending wake-up needs no lock. */
    @Override
    public void wakeUpAfter(long delayMs, Runnable event) {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUp = executor.schedule(event, delayMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
