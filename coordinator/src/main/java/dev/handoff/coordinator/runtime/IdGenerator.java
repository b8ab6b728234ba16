package dev.handoff.coordinator.runtime;

/**
 * Mints member ids. Injected so that runs are reproducible: Kafka mints ids inline with a random UUID, which the lab
 * cannot replay.
 */
@FunctionalInterface
public interface IdGenerator {

    /**
     * @param prefix the client id or group instance id the id starts with
     * @return a new id {@code "<prefix>-<unique suffix>"}
     */
    String newMemberId(String prefix);
}
