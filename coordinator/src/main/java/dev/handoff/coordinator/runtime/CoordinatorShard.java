package dev.handoff.coordinator.runtime;

import java.util.OptionalLong;

/**
 * The state machine a {@link CoordinatorLoop} owns (Kafka's {@code CoordinatorShard}). Operations compute against
 * it and return records; {@link #replay} is how records change the persisted state, both for new records and when
 * the log is loaded at start.
 *
 * @param <R> the record type
 */
public interface CoordinatorShard<R> {

    /** Applies one record. Must be deterministic: the same records always give the same state. */
    void replay(R record);

    /** Called once after the log has been replayed, to arm timers for the loaded state. */
    Result<R, Void> onLoaded(long nowMs);

    /** @return the earliest timer deadline, if any */
    OptionalLong nextDeadline();

    /**
     * Fires the earliest timer due at {@code nowMs}, if any. One timer per call, so that the loop appends and replays
     * its records before the next timer runs against the state (Kafka's runtime runs each timer as its own write).
     *
     * @return the fired timer's records and deliveries, with response {@code true}; or no records and {@code false}
     *         when no timer is due
     */
    Result<R, Boolean> expireNextTimer(long nowMs);
}
