package dev.handoff.coordinator.runtime;

import java.util.Objects;

/**
 * What an operation answers: either a response now, or "park me under this key" until a later {@link Delivery}
 * with the same key carries the response.
 *
 * @param <T> the response type
 */
public sealed interface Reply<T> {

    /** The response is ready. */
    record Now<T>(T response) implements Reply<T> {
    }

    /** The response is delivered later under {@code key}. */
    record Parked<T>(Object key) implements Reply<T> {
        public Parked {
            Objects.requireNonNull(key, "key");
        }
    }

    static <T> Reply<T> now(T response) {
        return new Now<>(response);
    }

    static <T> Reply<T> park(Object key) {
        return new Parked<>(key);
    }
}
