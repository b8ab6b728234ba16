package dev.handoff.coordinator.runtime;

import java.util.List;
import java.util.function.Consumer;

/**
 * The port through which the coordinator persists its records. The server backs it with a compacted internal
 * partition (the {@code log} module's {@code PartitionLog}); tests and the lab use {@link InMemoryCoordinatorLog}.
 * Appends are synchronous: when {@link #append} returns, the records are durable enough to be replayed.
 *
 * @param <R> the record type
 */
public interface CoordinatorLog<R> {

    /** Appends the records as one batch, in order. */
    void append(List<R> records);

    /** Feeds every stored record, oldest first, to {@code sink}; used to rebuild the state at load time. */
    void readAll(Consumer<? super R> sink);
}
