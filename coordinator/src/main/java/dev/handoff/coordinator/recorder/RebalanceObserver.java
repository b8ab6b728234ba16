package dev.handoff.coordinator.recorder;

import java.util.function.Supplier;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;

/**
 * The shard's one hook for observers such as the {@link FlightRecorder}: it sees every operation with its trigger
 * (before its records are replayed) and every record just before it is replayed, both on the loop thread.
 * {@link #NONE} costs one call and one lambda per operation.
 */
public interface RebalanceObserver {

    /** Observes nothing. */
    RebalanceObserver NONE = new RebalanceObserver() {
        @Override
        public <T> Result<CoordinatorRecord, T> observe(Trigger trigger, long nowMs, GroupRegistry groups,
                                                        Supplier<Result<CoordinatorRecord, T>> operation) {
            return operation.get();
        }

        @Override
        public void replaying(CoordinatorRecord record, GroupRegistry groups) {
            // nothing to see
        }
    };

    /**
     * Runs {@code operation} and notes why it ran; its records, if any, are replayed next.
     *
     * @param groups the shard's groups, to read on the loop thread only
     * @return the operation's result, unchanged
     */
    <T> Result<CoordinatorRecord, T> observe(Trigger trigger, long nowMs, GroupRegistry groups,
                                             Supplier<Result<CoordinatorRecord, T>> operation);

    /**
     * Called with each record before it is applied, so the groups still show the state the record changes. Records
     * replayed while the log loads come without an observed operation.
     */
    void replaying(CoordinatorRecord record, GroupRegistry groups);
}
