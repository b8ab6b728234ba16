package dev.handoff.testsupport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when a test says so. Use it as the coordinator's clock with a method reference
 * ({@code clock::nowMs}); this module cannot depend on the coordinator's {@code Clock} interface because the
 * coordinator's tests depend on this module.
 */
public final class ManualClock {

    /** An arbitrary, recognisable start time (2024-01-01T00:00:00Z). */
    public static final long DEFAULT_START_MS = 1_704_067_200_000L;

    private final AtomicLong nowMs;

    public ManualClock() {
        this(DEFAULT_START_MS);
    }

    public ManualClock(long startMs) {
        this.nowMs = new AtomicLong(startMs);
    }

    public long nowMs() {
        return nowMs.get();
    }

    /** Moves time forward by {@code ms} (never backwards). */
    public long advance(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("Time never goes backwards: " + ms);
        }
        return nowMs.addAndGet(ms);
    }
}
