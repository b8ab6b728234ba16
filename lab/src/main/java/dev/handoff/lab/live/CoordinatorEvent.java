package dev.handoff.lab.live;

import java.util.List;

/**
 * One event of the coordinator's flight recording as the broker's console serves it
 * ({@code GET api/groups/<group>/timeline}, docs/observability.md "Flight recorder"); fields that do not apply to
 * the type are null, empty or -1.
 *
 * @param sequence      increases with every event the broker keeps, across all groups
 * @param timeMs        the coordinator's time of the operation: the broker's wall clock, epoch milliseconds
 * @param type          the recorder's event type, e.g. {@code REVOCATION_REQUESTED}
 * @param cause         why, e.g. {@code LEAVE}
 * @param memberId      the coordinator's member id of the member concerned
 * @param otherMemberId for a handoff, the previous owner
 * @param epoch         group epoch, member epoch or classic generation, as the type implies
 * @param partitions    the partitions concerned, as {@code topic-partition}
 * @param count         partitions moved by a target assignment, members of a new classic generation
 * @param durationMs    handoff or revocation duration, operation time, phase length; -1 if none
 * @param detail        free text: the joining member's client, the assignor
 */
record CoordinatorEvent(long sequence, long timeMs, String type, String cause, String memberId, String otherMemberId,
                        int epoch, List<String> partitions, int count, double durationMs, String detail) {

    CoordinatorEvent {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }
}
