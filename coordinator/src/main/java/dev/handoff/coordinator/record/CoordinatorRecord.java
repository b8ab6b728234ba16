package dev.handoff.coordinator.record;

/**
 * A state change of the group coordinator. Each record has a key (which entity) and a value (its new state); a
 * record without a value is a tombstone that deletes the entity, and the compacted coordinator partition keeps only
 * the latest record per key.
 */
public sealed interface CoordinatorRecord permits OffsetCommitRecord, ClassicGroupRecord,
    ConsumerGroupMetadataRecord, ConsumerMemberMetadataRecord, ConsumerTargetAssignmentMetadataRecord,
    ConsumerTargetAssignmentMemberRecord, ConsumerCurrentAssignmentRecord {

    RecordType type();

    /** @return true if this record deletes its key */
    boolean isTombstone();
}
