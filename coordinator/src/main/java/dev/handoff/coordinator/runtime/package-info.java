/**
 * The generic machinery around a shard: {@link dev.handoff.coordinator.runtime.CoordinatorLoop} (one thread owns the
 * state; append, replay, then answer), event processors, keyed timers, results with deferred deliveries, and the
 * {@link dev.handoff.coordinator.runtime.CoordinatorLog} port. Knows nothing about groups.
 */
package dev.handoff.coordinator.runtime;
