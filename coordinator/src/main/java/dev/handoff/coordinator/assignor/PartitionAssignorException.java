package dev.handoff.coordinator.assignor;

/** An assignor cannot compute an assignment; the heartbeat fails with UNKNOWN_SERVER_ERROR (spec §13). */
public final class PartitionAssignorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PartitionAssignorException(String message) {
        super(message);
    }
}
