package dev.handoff.coordinator;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;

/** What a coordinator timer does when it expires: it produces records and deliveries like any operation. */
@FunctionalInterface
public interface TimerTask {

    Result<CoordinatorRecord, Void> run(long nowMs);
}
