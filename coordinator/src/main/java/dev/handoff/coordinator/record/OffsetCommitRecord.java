package dev.handoff.coordinator.record;

import java.util.Objects;

/**
 * The committed offset of {@code topic}-{@code partition} for {@code groupId}; a null value deletes it.
 */
public record OffsetCommitRecord(String groupId, String topic, int partition, OffsetCommitValue value)
    implements CoordinatorRecord {

    public OffsetCommitRecord {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public RecordType type() {
        return RecordType.OFFSET_COMMIT;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
