package dev.handoff.server.group;

import dev.handoff.coordinator.runtime.EventProcessor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The group coordinator's one thread: every event of the coordinator loop, timer wake-ups included, runs here.
 * Unlike a plain executor it waits on {@link #close()} until the event in progress has finished, so the broker
 * never closes the log store under an append.
 */
final class CoordinatorThread implements EventProcessor {

    private static final Logger LOGGER = LoggerFactory.getLogger(CoordinatorThread.class);
    private static final long CLOSE_TIMEOUT_MS = 10_000;

    private final ScheduledThreadPoolExecutor executor;
    private ScheduledFuture<?> wakeUp;

    CoordinatorThread(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        // A pending timer wake-up must not keep the thread alive after close.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void submit(Runnable event) {
        executor.execute(event);
    }

    /** Called on the coordinator thread only (the loop re-arms after each event), so no lock is needed. */
    @Override
    public void wakeUpAfter(long delayMs, Runnable event) {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        try {
            wakeUp = executor.schedule(event, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOGGER.debug("No timer wake-up: the group coordinator is stopping");
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                LOGGER.warn("The group coordinator thread did not stop within {} ms", CLOSE_TIMEOUT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
