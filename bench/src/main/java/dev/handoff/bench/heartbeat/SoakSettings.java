package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.Map;

/**
 * A soak run: the population, how long it runs and how fast members come and go.
 *
 * @param leavesPerSecond members that leave per second (each replaced by a new member of the same group after a
 *                        random delay of up to one heartbeat interval), drawn from a {@link java.util.Random}
 *                        seeded with {@code seed}
 */
record SoakSettings(LoadShape shape, Duration duration, double leavesPerSecond, long seed) {

    /**
     * The broker settings a soak needs to mean something in minutes rather than hours: Kafka's KIP-848 session
     * timeout (45 s) and heartbeat interval (5 s), and their lower bounds, shortened to {@code sessionTimeoutMs}
     * and {@code heartbeatIntervalMs}.
     */
    static Map<String, String> brokerSettings(int sessionTimeoutMs, int heartbeatIntervalMs) {
        return Map.of(
                "group.consumer.session.timeout.ms", Integer.toString(sessionTimeoutMs),
                "group.consumer.min.session.timeout.ms", Integer.toString(sessionTimeoutMs),
                "group.consumer.heartbeat.interval.ms", Integer.toString(heartbeatIntervalMs),
                "group.consumer.min.heartbeat.interval.ms", Integer.toString(heartbeatIntervalMs));
    }

    String describe() {
        return String.format("%s; %s, %.1f leaves/s (each replaced by a join), seed %d", shape.describe(), duration,
                leavesPerSecond, seed);
    }
}
