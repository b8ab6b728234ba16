package dev.handoff.coordinator.runtime;

/**
 * Runs the loop's events one at a time, never two at once (Kafka's {@code CoordinatorEventProcessor}). The
 * threading is injected: {@link DirectEventProcessor} and {@link ManualEventProcessor} for tests,
 * {@link SingleThreadEventProcessor} in production.
 */
public interface EventProcessor extends AutoCloseable {

    /** Queues an event; events run in submission order. */
    void submit(Runnable event);

    /**
     * Asks for {@code event} to be submitted after {@code delayMs}, replacing any earlier wake-up request. Used by
     * the loop to fire timers. Test processors do not let time pass by themselves: tests advance a manual clock and
     * call {@link CoordinatorLoop#fireTimers()}.
     */
    void wakeUpAfter(long delayMs, Runnable event);

    @Override
    void close();
}
