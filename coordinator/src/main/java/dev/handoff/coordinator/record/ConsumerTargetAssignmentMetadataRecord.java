package dev.handoff.coordinator.record;

import java.util.Objects;

/** The target assignment epoch of the consumer group {@code groupId}; a null value deletes it. */
public record ConsumerTargetAssignmentMetadataRecord(String groupId, ConsumerTargetAssignmentMetadataValue value)
    implements CoordinatorRecord {

    public ConsumerTargetAssignmentMetadataRecord {
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
