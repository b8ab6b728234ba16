package dev.handoff.coordinator.runtime;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates Kafka-shaped member ids ({@code "<prefix>-<uuid>"}) from a seed: the same seed gives the same ids. The
 * server seeds it from a secure source once at start; the lab seeds it from the scenario seed.
 */
public final class SeededIdGenerator implements IdGenerator {

    private static final long VERSION_4_CLEAR = 0xFFFF_FFFF_FFFF_0FFFL;
    private static final long VERSION_4 = 0x0000_0000_0000_4000L;
    private static final long VARIANT_CLEAR = 0x3FFF_FFFF_FFFF_FFFFL;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private final SplittableRandom random;

    public SeededIdGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public String newMemberId(String prefix) {
        long msb = (random.nextLong() & VERSION_4_CLEAR) | VERSION_4;
        long lsb = (random.nextLong() & VARIANT_CLEAR) | VARIANT_IETF;
        return prefix + "-" + new UUID(msb, lsb);
    }
}
