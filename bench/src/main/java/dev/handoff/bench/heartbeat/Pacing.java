package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * When a member sends its next plain heartbeat after a successful one. Joins, acknowledgements of a new
 * assignment and rejoins always go at once, as the consumer sends them. Latency is measured from the time a
 * heartbeat was due, so a driver that falls behind its schedule shows it (no coordinated omission).
 */
interface Pacing {

    /**
     * @param previousDueNanos when the heartbeat just answered was due
     * @param nowNanos         now
     * @param member           the member, with the interval the coordinator last returned
     * @return when the next heartbeat is due; at or before {@code nowNanos} sends it at once
     */
    long nextDueNanos(long previousDueNanos, long nowNanos, SimulatedMember member);

    /** The name in reports. */
    String describe();

    /**
     * Closed loop, as fast as possible: the next heartbeat leaves as soon as the last one is answered. It ignores
     * the interval the coordinator returns (Kafka's minimum is 5 s), so it measures the coordinator's capacity,
     * not what real consumers would send.
     */
    static Pacing closedLoop() {
        return new Pacing() {
            @Override
            public long nextDueNanos(long previousDueNanos, long nowNanos, SimulatedMember member) {
                return nowNanos;
            }

            @Override
            public String describe() {
                return "closed loop (as fast as possible per member)";
            }
        };
    }

    /**
     * Open loop: every member heartbeats on a fixed schedule so that all of them together send
     * {@code heartbeatsPerSecond}, whether or not the broker keeps up.
     */
    static Pacing fixedRate(double heartbeatsPerSecond, int members) {
        long periodNanos = Math.round(TimeUnit.SECONDS.toNanos(1) * (double) members / heartbeatsPerSecond);
        return new Pacing() {
            @Override
            public long nextDueNanos(long previousDueNanos, long nowNanos, SimulatedMember member) {
                return previousDueNanos + periodNanos;
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "open loop at %,.0f heartbeats/s (each member every %s)",
                        heartbeatsPerSecond, Duration.ofNanos(periodNanos));
            }
        };
    }

    /** As the consumer does: the next heartbeat is due one coordinator-returned interval after the last answer. */
    static Pacing brokerInterval() {
        return new Pacing() {
            @Override
            public long nextDueNanos(long previousDueNanos, long nowNanos, SimulatedMember member) {
                return nowNanos + TimeUnit.MILLISECONDS.toNanos(member.heartbeatIntervalMs());
            }

            @Override
            public String describe() {
                return "the heartbeat interval the coordinator returns";
            }
        };
    }
}
