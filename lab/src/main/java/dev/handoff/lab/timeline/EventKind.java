package dev.handoff.lab.timeline;

/** What happened to a consumer. */
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
    RESPONSE
}
