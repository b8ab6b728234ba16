package dev.handoff.coordinator.runtime;

/**
 * One request against the shard, run on the loop thread with the time of the event.
 *
 * @param <S> the shard type
 * @param <R> the record type
 * @param <T> the response type
 */
@FunctionalInterface
public interface CoordinatorOperation<S, R, T> {

    Result<R, T> execute(S shard, long nowMs);
}
