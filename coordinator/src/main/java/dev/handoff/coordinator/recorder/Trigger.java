package dev.handoff.coordinator.recorder;

import java.util.Objects;

/**
 * What made the shard run: a request of some API on a group, a topic change, or a timer. Records cannot say why a
 * member was removed; the trigger of the operation that wrote them can.
 *
 * @param kind    the kind of operation
 * @param subject the group id of a request, the key of a timer, or null for broker-wide operations
 */
public record Trigger(Kind kind, String subject) {

    /** The kinds of operation the recorder tells apart. */
    public enum Kind {
        JOIN_GROUP, SYNC_GROUP, HEARTBEAT, LEAVE_GROUP,
        CONSUMER_HEARTBEAT, CONSUMER_LEAVE, CONSUMER_STATIC_LEAVE,
        TOPICS_CHANGED, DELETE_GROUPS, TIMER
    }

    /** ConsumerGroupHeartbeat member epoch -1: leave the group (KIP-848). */
    private static final int LEAVE_EPOCH = -1;
    /** ConsumerGroupHeartbeat member epoch -2: a static member leaves temporarily (KIP-848). */
    private static final int STATIC_LEAVE_EPOCH = -2;

    public Trigger {
        Objects.requireNonNull(kind, "kind");
    }

    public static Trigger of(Kind kind, String groupId) {
        return new Trigger(kind, groupId);
    }

    /** A ConsumerGroupHeartbeat: its member epoch tells a leave from a join or heartbeat. */
    public static Trigger consumerHeartbeat(String groupId, int memberEpoch) {
        Kind kind = switch (memberEpoch) {
            case LEAVE_EPOCH -> Kind.CONSUMER_LEAVE;
            case STATIC_LEAVE_EPOCH -> Kind.CONSUMER_STATIC_LEAVE;
            default -> Kind.CONSUMER_HEARTBEAT;
        };
        return new Trigger(kind, groupId);
    }

    public static Trigger timer(String key) {
        return new Trigger(Kind.TIMER, key);
    }

    /** @return true if this is a timer whose key starts with {@code prefix} */
    boolean isTimer(String prefix) {
        return kind == Kind.TIMER && subject != null && subject.startsWith(prefix);
    }
}
