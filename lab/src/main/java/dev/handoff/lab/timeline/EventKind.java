package dev.handoff.lab.timeline;

/**
 * What happened to a consumer, or in its group's coordinator. The consumer's own events (from {@code STARTED} to
 * {@code PROCESSED}) drive every figure of a run; the protocol messages after them are drawn in the report's
 * sequence diagram only.
 */
public enum EventKind {
    /** The consumer's process started (after the pod-start delay). */
    STARTED,
    /** The consumer was closed cleanly: it committed and left the group. */
    STOPPED,
    /** The consumer crashed: no commit, no leave; the coordinator notices when its session expires. */
    KILLED,
    /** {@code onPartitionsAssigned}: the partitions are the ones added; {@code epoch} is the generation/epoch. */
    ASSIGNED,
    /** {@code onPartitionsRevoked}: the consumer gives the partitions up after committing. */
    REVOKED,
    /** {@code onPartitionsLost}: the partitions were taken away without a chance to commit. */
    LOST,
    /** A poll loop iteration processed {@code count} records; {@code value} is the batch's highest latency. */
    PROCESSED,
    /** A heartbeat to the coordinator (simulated runs only; real clients do not expose them). */
    HEARTBEAT,
    /** A JoinGroup request, or a KIP-848 heartbeat that joins (epoch 0) (simulated runs only). */
    JOIN,
    /** A SyncGroup request (simulated runs only). */
    SYNC,
    /** The coordinator's answer carries a new assignment or asks to rebalance (simulated runs only). */
    RESPONSE,
    /**
     * Member to coordinator: it joined the group. This kind and those below come from the coordinator's flight
     * recorder (live runs against the lab's own Handoff broker), at the coordinator's time.
     */
    MEMBER_JOINED,
    /** Member to coordinator: it left (KIP-848 heartbeat with epoch -1, or classic LeaveGroup). */
    MEMBER_LEFT,
    /** Coordinator to member: removed from the group (session or rebalance timeout). */
    MEMBER_FENCED,
    /** Coordinator to member: give these partitions up; {@code value} is the member epoch. */
    REVOCATION_REQUESTED,
    /** Member to coordinator: these partitions are given up (KIP-848 heartbeat without them). */
    REVOCATION_COMPLETED,
    /** Coordinator to member: these partitions are now yours; {@code value} is the member epoch. */
    PARTITIONS_ASSIGNED,
    /** The coordinator's own step: the group epoch went up to {@code value}. */
    GROUP_EPOCH_BUMPED,
    /** The coordinator's own step: the server assignor ran; {@code count} partitions change owner. */
    TARGET_ASSIGNMENT_COMPUTED,
    /** The coordinator's own step: a classic group's join phase started (generation {@code value}). */
    CLASSIC_REBALANCE_STARTED,
    /** The coordinator's own step: the join phase ended with generation {@code value} of {@code count} members. */
    CLASSIC_JOIN_COMPLETED,
    /** The coordinator's own step: the sync phase ended, the leader's assignment is handed out. */
    CLASSIC_SYNC_COMPLETED;

    /** @return whether the coordinator's flight recorder is the source of this event (live runs against Handoff) */
    public boolean isRecordedByCoordinator() {
        return switch (this) {
            case MEMBER_JOINED, MEMBER_LEFT, MEMBER_FENCED, REVOCATION_REQUESTED, REVOCATION_COMPLETED,
                 PARTITIONS_ASSIGNED -> true;
            default -> isCoordinatorStep();
        };
    }

    /** @return whether this is a step of the coordinator itself, drawn on its lifeline rather than a member's */
    public boolean isCoordinatorStep() {
        return this == GROUP_EPOCH_BUMPED || this == TARGET_ASSIGNMENT_COMPUTED || this == CLASSIC_REBALANCE_STARTED
            || this == CLASSIC_JOIN_COMPLETED || this == CLASSIC_SYNC_COMPLETED;
    }
}
