package dev.handoff.coordinator.consumer;

import java.util.Optional;

import dev.handoff.coordinator.record.ClassicGroupValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.ResultBuilder;

/**
 * What online migration (spec §17) needs from the classic side: the classic group an upgrade converts, retiring it,
 * and installing the classic group a downgrade produces. The classic group manager implements it.
 */
public interface ClassicGroupBridge {

    /** @return the persisted form of the non-empty classic group {@code groupId}; empty if there is none */
    Optional<ClassicGroupValue> nonEmptyClassicGroup(String groupId);

    /**
     * The classic group became a consumer group: its parked JoinGroup and SyncGroup requests are answered with
     * REBALANCE_IN_PROGRESS (the members rejoin the consumer group) and its timers stop.
     */
    void retire(String groupId, ResultBuilder<CoordinatorRecord> out);

    /**
     * A consumer group became this classic group: registers it, arms its members' sessions, starts a rebalance
     * so the members rejoin, and adds the record persisting it (after the consumer group's tombstones).
     */
    void install(String groupId, ClassicGroupValue value, ResultBuilder<CoordinatorRecord> out, long nowMs);
}
