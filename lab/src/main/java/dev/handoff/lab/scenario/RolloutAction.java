package dev.handoff.lab.scenario;

/**
 * One thing the rollout does at one time: start or stop one consumer.
 *
 * @param atMs   milliseconds since the run's start
 * @param kind   start or stop
 * @param member the consumer's name, {@code c<slot>.<generation>}
 * @param slot   the pod slot the consumer occupies; a replacement takes its predecessor's slot
 */
public record RolloutAction(long atMs, Kind kind, String member, int slot) {

    /** Whether a consumer starts or stops. */
    public enum Kind { START, STOP }
}
