package dev.handoff.coordinator.recorder;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a group's flight recording. Fields that do not apply to the event's type are null, empty or -1.
 *
 * @param sequence      increases by one with every event the recorder keeps, across all groups
 * @param timeMs        coordinator time of the operation that caused it
 * @param groupId       the group
 * @param type          what happened
 * @param cause         why
 * @param memberId      the member concerned (for a handoff: the new owner)
 * @param otherMemberId for a handoff: the previous owner
 * @param epoch         group epoch, member epoch or classic generation, as the type implies
 * @param partitions    the partitions concerned, sorted
 * @param count         partitions moved by a target assignment, members of a new classic generation
 * @param durationMs    handoff or revocation duration, operation time of an assignment, phase length; -1 if none
 * @param detail        free text: client id and host of a joining member, the assignor of an assignment
 */
public record RebalanceEvent(long sequence, long timeMs, String groupId, EventType type, Cause cause,
                             String memberId, String otherMemberId, int epoch, List<PartitionRef> partitions,
                             int count, double durationMs, String detail) {

    public RebalanceEvent {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cause, "cause");
        partitions = List.copyOf(partitions);
    }
}
