package dev.handoff.coordinator.record;

import java.util.Optional;

/**
 * The kind of a coordinator record; its id is the first field of every serialized key and never changes meaning.
 *
 * <p>Ids 3 to 15 are reserved for the KIP-848 consumer group records (group metadata and epoch, member
 * subscription, target assignment metadata, target assignment member, current member assignment, regex
 * resolution), mirroring the order of Kafka's own record types. Adding a constant here makes every
 * {@code switch} over this enum fail to compile until the new type is handled, which is the point.
 */
public enum RecordType {

    /** A committed offset of one partition for one group (key: group, topic, partition). */
    OFFSET_COMMIT((short) 1),
    /** The persisted metadata of a classic group: generation, protocol, leader, members (key: group). */
    CLASSIC_GROUP_METADATA((short) 2);

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
