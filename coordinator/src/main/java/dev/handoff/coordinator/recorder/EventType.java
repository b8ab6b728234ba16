package dev.handoff.coordinator.recorder;

/** What happened in a group, as the flight recorder tells it. */
public enum EventType {
    /** A member joined (consumer protocol: its first member record; classic: it appears in the group). */
    MEMBER_JOINED,
    /** A member left on its own: a leave request, or a static member replaced by its successor. */
    MEMBER_LEFT,
    /** A member was removed by the coordinator: session expiry, rebalance timeout, no rejoin, no sync. */
    MEMBER_FENCED,
    /** A static member left temporarily (epoch -2) and keeps its partitions until its session expires. */
    MEMBER_AWAY,
    /** The consumer group epoch went up. */
    GROUP_EPOCH_BUMPED,
    /** The server assignor computed a new target assignment. */
    TARGET_ASSIGNMENT_COMPUTED,
    /** A member was asked to revoke partitions. */
    REVOCATION_REQUESTED,
    /** A member acknowledged the revocation of partitions. */
    REVOCATION_COMPLETED,
    /** A member was given partitions. */
    PARTITIONS_ASSIGNED,
    /** One partition reached its new owner; the duration runs from its revocation request (or release). */
    HANDOFF,
    /** A classic group entered PreparingRebalance: the join phase starts. */
    CLASSIC_REBALANCE_STARTED,
    /** A classic group's join phase ended with a new generation. */
    CLASSIC_JOIN_COMPLETED,
    /** A classic group's sync phase ended: the leader's assignment was handed out (Stable). */
    CLASSIC_SYNC_COMPLETED,
    /** The group was deleted or converted to another type. */
    GROUP_DELETED
}
