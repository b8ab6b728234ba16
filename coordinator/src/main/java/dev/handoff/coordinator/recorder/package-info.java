/**
 * The rebalance flight recorder (issue 9): a bounded, in-memory history of every group's rebalance events, derived
 * from the coordinator records the shard replays and from the few decisions records cannot tell (why a member was
 * removed, which timer fired, how long the operation that computed an assignment took).
 *
 * <p>Pure and deterministic like the rest of the core: time arrives as {@code nowMs} with each operation, and
 * durations of operations come from an injected nanosecond ticker. The recorder runs on the coordinator loop's
 * thread; readers on other threads go through the loop ({@link dev.handoff.coordinator.recorder.FlightRecorder#timeline}
 * inside a submitted operation) and receive immutable snapshots.
 */
package dev.handoff.coordinator.recorder;
