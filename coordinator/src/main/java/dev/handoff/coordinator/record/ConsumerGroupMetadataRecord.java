package dev.handoff.coordinator.record;

import java.util.Objects;

/** The epoch of the consumer group {@code groupId}; a null value deletes the group. */
public record ConsumerGroupMetadataRecord(String groupId, ConsumerGroupMetadataValue value)
    implements CoordinatorRecord {

    public ConsumerGroupMetadataRecord {
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMER_GROUP_METADATA;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
