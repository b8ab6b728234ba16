package dev.handoff.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Readable, predictable member ids for tests: {@code "<prefix>-1"}, {@code "<prefix>-2"}, ... (one counter for all
 * prefixes). Use it as the coordinator's id generator with {@code ids::newMemberId}.
 */
public final class SequentialIds {

    private final AtomicInteger next = new AtomicInteger(1);

    public String newMemberId(String prefix) {
        return prefix + "-" + next.getAndIncrement();
    }
}
