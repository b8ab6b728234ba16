package dev.handoff.coordinator.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one coordinator operation or timer (Kafka's {@code CoordinatorResult} plus deferred deliveries):
 * the records to append and replay, the reply to the caller, and responses for requests parked earlier.
 *
 * @param records    records to append to the coordinator log, then replay, in order
 * @param reply      the caller's response, or a parking key
 * @param deliveries responses for previously parked requests, completed after the records are replayed
 * @param <R>        the record type
 * @param <T>        the response type
 */
public record Result<R, T>(List<R> records, Reply<T> reply, List<Delivery> deliveries) {

    public Result {
        records = List.copyOf(records);
        Objects.requireNonNull(reply, "reply");
        deliveries = List.copyOf(deliveries);
    }

    public static <R, T> Result<R, T> of(List<R> records, T response) {
        return new Result<>(records, Reply.now(response), List.of());
    }

    public static <R, T> Result<R, T> of(T response) {
        return of(List.of(), response);
    }

    /** @return this result with {@code more} records, replies unchanged */
    public Result<R, T> withRecords(List<R> more) {
        List<R> all = new ArrayList<>(records);
        all.addAll(more);
        return new Result<>(all, reply, deliveries);
    }

    /** @return the immediate response; fails if the reply is parked */
    public T response() {
        if (reply instanceof Reply.Now<T> now) {
            return now.response();
        }
        throw new IllegalStateException("The reply is parked under " + ((Reply.Parked<T>) reply).key());
    }

    public boolean isParked() {
        return reply instanceof Reply.Parked<T>;
    }
}
