package dev.handoff.coordinator.record;

import java.util.Objects;

/**
 * The persisted metadata of the classic group {@code groupId}; a null value deletes the group.
 */
public record ClassicGroupRecord(String groupId, ClassicGroupValue value) implements CoordinatorRecord {

    public ClassicGroupRecord {
        Objects.requireNonNull(groupId, "groupId");
    }

    @Override
    public RecordType type() {
        return RecordType.CLASSIC_GROUP_METADATA;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
