package dev.handoff.coordinator.recorder;

/**
 * One observed operation while its records replay: its trigger and time, and what its earlier records showed, so
 * that later records of the same operation can name their cause (a group epoch bump follows the member change that
 * caused it).
 */
final class OperationContext {

    final Trigger trigger;
    final long nowMs;
    final long durationNanos;
    /** The membership change an earlier record of this operation made, if any. */
    Cause membershipChange;
    /** Partitions whose target owner changed in this operation's target assignment records. */
    int partitionsMoved;

    OperationContext(Trigger trigger, long nowMs, long durationNanos) {
        this.trigger = trigger;
        this.nowMs = nowMs;
        this.durationNanos = durationNanos;
    }

    /** Why a member removed by this operation went away. */
    Cause removalCause() {
        return switch (trigger.kind()) {
            case CONSUMER_LEAVE, LEAVE_GROUP -> Cause.LEAVE;
            case CONSUMER_HEARTBEAT -> Cause.STATIC_REPLACEMENT;
            case DELETE_GROUPS -> Cause.GROUP_DELETED;
            case TIMER -> timerCause();
            default -> Cause.UNKNOWN;
        };
    }

    /** The timer keys are the coordinator's: consumer-session|, consumer-rebalance|, classic-session:, ... (a new
     * key kind shows up here as UNKNOWN, which the recorder's tests catch) */
    private Cause timerCause() {
        if (trigger.isTimer("consumer-session|") || trigger.isTimer("classic-session:")) {
            return Cause.SESSION_EXPIRED;
        }
        if (trigger.isTimer("consumer-rebalance|")) {
            return Cause.REBALANCE_TIMEOUT;
        }
        if (trigger.isTimer("classic-join:") || trigger.isTimer("consumer-classic-join|")) {
            return Cause.JOIN_TIMEOUT;
        }
        if (trigger.isTimer("classic-sync:") || trigger.isTimer("consumer-classic-sync|")) {
            return Cause.SYNC_TIMEOUT;
        }
        return Cause.UNKNOWN;
    }

    /** A removal the member did not ask for. */
    boolean removalIsFencing() {
        Cause cause = removalCause();
        return cause == Cause.SESSION_EXPIRED || cause == Cause.REBALANCE_TIMEOUT || cause == Cause.JOIN_TIMEOUT
            || cause == Cause.SYNC_TIMEOUT;
    }

    double durationMs() {
        return durationNanos / 1_000_000.0;
    }
}
