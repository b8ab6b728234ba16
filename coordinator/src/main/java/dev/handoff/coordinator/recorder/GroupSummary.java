package dev.handoff.coordinator.recorder;

/**
 * A recorded group at a glance.
 *
 * @param groupId      the group
 * @param events       events kept
 * @param lastSequence sequence of its newest event
 * @param lastTimeMs   time of its newest event
 */
public record GroupSummary(String groupId, int events, long lastSequence, long lastTimeMs) {
}
