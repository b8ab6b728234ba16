/**
 * The group coordinator core: {@link dev.handoff.coordinator.GroupCoordinatorShard} routes each operation to the
 * class for its protocol and dispatches records on replay. No I/O, no threads, no clock of its own: time arrives
 * as {@code nowMs}, member ids from an injected generator, and the loop in {@code runtime} persists the records.
 */
package dev.handoff.coordinator;
