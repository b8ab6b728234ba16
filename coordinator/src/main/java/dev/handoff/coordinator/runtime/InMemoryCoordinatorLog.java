package dev.handoff.coordinator.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link CoordinatorLog} in a list: for unit tests and for the lab, which "restarts the broker" by replaying it
 * into a fresh shard. Not thread-safe; the loop is its only user.
 *
 * @param <R> the record type
 */
public final class InMemoryCoordinatorLog<R> implements CoordinatorLog<R> {

    private final List<R> records = new ArrayList<>();

    @Override
    public void append(List<R> batch) {
        records.addAll(batch);
    }

    @Override
    public void readAll(Consumer<? super R> sink) {
        records.forEach(sink);
    }

    /** @return a copy of everything appended so far */
    public List<R> records() {
        return List.copyOf(records);
    }
}
