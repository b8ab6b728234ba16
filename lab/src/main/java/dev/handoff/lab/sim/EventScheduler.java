package dev.handoff.lab.sim;

import java.util.PriorityQueue;

/**
 * The simulation's only source of time: a queue of actions ordered by simulated time, ties broken by the order
 * they were scheduled, so a run is a deterministic function of its inputs (after Kafka's
 * {@code RaftEventSimulationTest}).
 */
final class EventScheduler {

    private record Entry(long atMs, long order, Runnable action) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> a.atMs != b.atMs
        ? Long.compare(a.atMs, b.atMs) : Long.compare(a.order, b.order));
    private long nowMs;
    private long scheduled;

    long nowMs() {
        return nowMs;
    }

    /** Runs {@code action} at {@code atMs}, or now if that is in the past. */
    void at(long atMs, Runnable action) {
        queue.add(new Entry(Math.max(atMs, nowMs), scheduled++, action));
    }

    void after(long delayMs, Runnable action) {
        at(nowMs + delayMs, action);
    }

    /**
     * Runs events until the queue is empty or the next is after {@code endMs}.
     *
     * @param afterEach called after every event (the invariant checks)
     */
    void runUntil(long endMs, Runnable afterEach) {
        while (!queue.isEmpty() && queue.peek().atMs <= endMs) {
            Entry next = queue.poll();
            nowMs = next.atMs;
            next.action.run();
            afterEach.run();
        }
        nowMs = endMs;
    }
}
