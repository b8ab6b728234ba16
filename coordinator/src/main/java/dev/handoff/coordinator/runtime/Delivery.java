package dev.handoff.coordinator.runtime;

import java.util.Objects;

/**
 * A response for a request that was parked earlier (a classic JoinGroup or SyncGroup waiting for the rest of the
 * group). The core returns it as data; whoever holds the parked request's future (the loop) completes it.
 *
 * @param key      identifies the parked request, as given in {@link Reply#park(Object)}
 * @param response the response to complete it with
 */
public record Delivery(Object key, Object response) {

    public Delivery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(response, "response");
    }
}
