package dev.handoff.coordinator.runtime;

/**
 * The coordinator's only source of time. The loop reads it once per event and passes {@code nowMs} down, so the
 * core never asks the system for the time (the lab and unit tests drive it by hand).
 */
@FunctionalInterface
public interface Clock {

    /** @return the current time in milliseconds since the epoch */
    long nowMs();
}
