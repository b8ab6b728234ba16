package dev.handoff.coordinator.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects records and deliveries while an operation runs through several steps (each step may add records or
 * answer parked requests), then builds the {@link Result}.
 *
 * @param <R> the record type
 */
public final class ResultBuilder<R> {

    private final List<R> records = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();

    public ResultBuilder<R> record(R record) {
        records.add(record);
        return this;
    }

    public ResultBuilder<R> records(List<? extends R> more) {
        records.addAll(more);
        return this;
    }

    public ResultBuilder<R> deliver(Object key, Object response) {
        deliveries.add(new Delivery(key, response));
        return this;
    }

    public ResultBuilder<R> merge(Result<? extends R, ?> other) {
        records.addAll(other.records());
        deliveries.addAll(other.deliveries());
        return this;
    }

    public <T> Result<R, T> reply(T response) {
        return new Result<>(records, Reply.now(response), deliveries);
    }

    public <T> Result<R, T> park(Object key) {
        return new Result<>(records, Reply.park(key), deliveries);
    }
}
