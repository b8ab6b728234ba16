package dev.handoff.coordinator.recorder;

import java.util.List;

/**
 * An immutable copy of (part of) one group's recording.
 *
 * @param groupId      the group
 * @param events       the kept events after the requested sequence, oldest first
 * @param lastSequence the sequence of the group's newest event, 0 if none; ask again after it for news
 * @param dropped      how many of the group's events were dropped to respect the per-group bound
 */
public record Timeline(String groupId, List<RebalanceEvent> events, long lastSequence, long dropped) {

    public Timeline {
        events = List.copyOf(events);
    }
}
