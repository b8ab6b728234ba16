package dev.handoff.coordinator.recorder;

/** Why a rebalance event happened. */
public enum Cause {
    /** A member joined. */
    JOIN,
    /** A member left cleanly (ConsumerGroupHeartbeat epoch -1, LeaveGroup). */
    LEAVE,
    /** A member's session expired (no heartbeat within the session timeout). */
    SESSION_EXPIRED,
    /** A member did not revoke its partitions within its rebalance timeout (KIP-848). */
    REBALANCE_TIMEOUT,
    /** A classic member did not rejoin before the join phase ended. */
    JOIN_TIMEOUT,
    /** A classic member did not send SyncGroup within the rebalance timeout. */
    SYNC_TIMEOUT,
    /** A static member rejoined under a new member id and took over the old one's place (KIP-345). */
    STATIC_REPLACEMENT,
    /** A static member left temporarily (epoch -2). */
    STATIC_LEAVE,
    /** A member changed its subscription. */
    SUBSCRIPTION_CHANGED,
    /** Subscribed topics were created, deleted or grown. */
    TOPICS_CHANGED,
    /** The group's effective server assignor changed. */
    ASSIGNOR_CHANGED,
    /** A member's heartbeat moved its reconciliation on (acknowledged a revocation, took new partitions). */
    RECONCILIATION,
    /** An administrator deleted the group, or a member of another protocol converted it. */
    GROUP_DELETED,
    /** Nothing the recorder could attribute. */
    UNKNOWN
}
