package dev.handoff.coordinator.record;

import java.util.Objects;

/** The current assignment of one member of the consumer group {@code groupId}; a null value clears it. */
public record ConsumerCurrentAssignmentRecord(String groupId, String memberId, ConsumerCurrentAssignmentValue value)
    implements CoordinatorRecord {

    public ConsumerCurrentAssignmentRecord {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
