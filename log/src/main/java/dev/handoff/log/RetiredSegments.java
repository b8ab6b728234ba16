package dev.handoff.log;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Segments whose files were deleted but whose channels stay open a while, so a fetch that already holds a
 * slice of them can still be sent (Kafka defers deletion by {@code file.delete.delay.ms} for the same reason).
 */
final class RetiredSegments {

    private record Retired(LogSegment segment, long closeAtMs) {
    }

    private final long delayMs;
    private final Deque<Retired> queue = new ArrayDeque<>();

    RetiredSegments(long delayMs) {
        this.delayMs = delayMs;
    }

    synchronized void retire(LogSegment segment, long nowMs) {
        queue.addLast(new Retired(segment, nowMs + delayMs));
    }

    synchronized void closeDue(long nowMs) {
        while (!queue.isEmpty() && queue.peekFirst().closeAtMs() <= nowMs) {
            queue.removeFirst().segment().closeChannel();
        }
    }

    synchronized void closeAll() {
        while (!queue.isEmpty()) {
            queue.removeFirst().segment().closeChannel();
        }
    }

    synchronized int size() {
        return queue.size();
    }
}
