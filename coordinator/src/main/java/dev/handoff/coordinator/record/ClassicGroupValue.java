package dev.handoff.coordinator.record;

import java.util.List;

/**
 * A classic group as persisted after a generation completes (or a static member is replaced).
 *
 * @param protocolType            e.g. {@code "consumer"}; null for a group that never had members
 * @param generationId            the current generation
 * @param protocolName            the selected protocol, null when the group is empty
 * @param leaderId                the leader's member id, null when the group is empty
 * @param currentStateTimestampMs when the group entered its current state (offset expiry of empty groups
 *                                counts from it)
 * @param members                 the members, in join order
 */
public record ClassicGroupValue(String protocolType, int generationId, String protocolName, String leaderId,
                                long currentStateTimestampMs, List<ClassicMemberValue> members) {

    public ClassicGroupValue {
        members = List.copyOf(members);
    }
}
