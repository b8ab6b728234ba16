package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.protocol.Errors;

/**
 * What one stretch of heartbeat load measured.
 *
 * @param elapsed    how long it ran
 * @param successes  successful ConsumerGroupHeartbeat responses (joins, acknowledgements and plain heartbeats)
 * @param latency    request to response of those successes
 * @param errors     error responses by code
 * @param joins      joins sent (epoch 0), including rejoins after fencing
 * @param leaves     leaves acknowledged (epoch -1)
 */
record HeartbeatFigures(Duration elapsed, long successes, LatencyFigures latency, Map<Errors, Long> errors,
                        long joins, long leaves) {

    HeartbeatFigures {
        errors = Map.copyOf(errors);
    }

    double heartbeatsPerSecond() {
        return elapsed.isZero() ? 0 : successes * 1e9 / elapsed.toNanos();
    }

    /**
     * FENCED_MEMBER_EPOCH and UNKNOWN_MEMBER_ID answers. The load generator never sends a stale epoch or an
     * unknown member id on purpose, so each one is a member fenced without cause.
     */
    long fenced() {
        return errors.getOrDefault(Errors.FENCED_MEMBER_EPOCH, 0L) + errors.getOrDefault(Errors.UNKNOWN_MEMBER_ID, 0L);
    }
}
