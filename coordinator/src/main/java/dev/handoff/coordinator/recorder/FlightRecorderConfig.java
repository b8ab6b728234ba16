package dev.handoff.coordinator.recorder;

import java.util.Map;

/**
 * The flight recorder's settings (Handoff's own; Kafka has no such concept).
 *
 * @param enabled        {@code handoff.flight.recorder.enable}: off means the shard runs with
 *                       {@link RebalanceObserver#NONE}
 * @param eventsPerGroup {@code handoff.flight.recorder.events.per.group}: older events of a group are dropped
 * @param maxGroups      {@code handoff.flight.recorder.groups}: the history of the group with the oldest last event
 *                       is dropped first
 */
public record FlightRecorderConfig(boolean enabled, int eventsPerGroup, int maxGroups) {

    public static final String ENABLE = "handoff.flight.recorder.enable";
    public static final String EVENTS_PER_GROUP = "handoff.flight.recorder.events.per.group";
    public static final String GROUPS = "handoff.flight.recorder.groups";

    public FlightRecorderConfig {
        if (eventsPerGroup < 1 || maxGroups < 1) {
            throw new IllegalArgumentException(EVENTS_PER_GROUP + " and " + GROUPS + " must be at least 1");
        }
    }

    public static FlightRecorderConfig defaults() {
        return fromProperties(Map.of());
    }

    /** @throws IllegalArgumentException for an unparsable or out-of-range value */
    public static FlightRecorderConfig fromProperties(Map<String, String> properties) {
        String enable = properties.getOrDefault(ENABLE, "true").trim();
        if (!enable.equalsIgnoreCase("true") && !enable.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("Invalid value for " + ENABLE + ": " + enable);
        }
        return new FlightRecorderConfig(Boolean.parseBoolean(enable), intOf(properties, EVENTS_PER_GROUP, 1_000),
            intOf(properties, GROUPS, 1_000));
    }

    private static int intOf(Map<String, String> properties, String name, int defaultValue) {
        String value = properties.get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value for " + name + ": " + value, e);
        }
    }
}
