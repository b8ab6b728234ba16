package dev.handoff.coordinator.record;

import java.util.Objects;

/** A member of the consumer group {@code groupId}; a null value removes the member. */
public record ConsumerMemberMetadataRecord(String groupId, String memberId, ConsumerMemberMetadataValue value)
    implements CoordinatorRecord {

    public ConsumerMemberMetadataRecord {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMER_GROUP_MEMBER_METADATA;
    }

    @Override
    public boolean isTombstone() {
        return value == null;
    }
}
