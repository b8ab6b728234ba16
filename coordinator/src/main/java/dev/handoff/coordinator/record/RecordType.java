package dev.handoff.coordinator.record;

import java.util.Optional;

/**
 * The kind of a coordinator record; its id is the first field of every serialized key and never changes meaning.
 *
 * <p>Ids 3 to 15 are reserved for the KIP-848 consumer group records; those in use carry the ids of Kafka's own
 * record types (4, Kafka's retired partition metadata, stays unused; regex resolution takes the next free id). Adding a constant here makes every
 * {@code switch} over this enum fail to compile until the new type is handled, which is the point.
 */
public enum RecordType {

    /** A committed offset of one partition for one group (key: group, topic, partition). */
    OFFSET_COMMIT((short) 1),
    /** The persisted metadata of a classic group: generation, protocol, leader, members (key: group). */
    CLASSIC_GROUP_METADATA((short) 2),
    /** A consumer group's epoch and subscribed-topics metadata hash (key: group). */
    CONSUMER_GROUP_METADATA((short) 3),
    /** A consumer group member's identity and subscription (key: group, member). */
    CONSUMER_GROUP_MEMBER_METADATA((short) 5),
    /** A consumer group's target assignment epoch (key: group). */
    CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA((short) 6),
    /** One member's target assignment (key: group, member). */
    CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER((short) 7),
    /** One member's epoch, reconciliation state and owned partitions (key: group, member). */
    CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT((short) 8);

    private final short id;

    RecordType(short id) {
        this.id = id;
    }

    public short id() {
        return id;
    }

    /** @return the type with this id, or empty for a type written by a newer version (skipped on load) */
    public static Optional<RecordType> fromId(short id) {
        for (RecordType type : values()) {
            if (type.id == id) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
