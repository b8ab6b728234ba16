package dev.handoff.coordinator.record;

import java.util.List;
import java.util.Objects;

/**
 * The target assignment of one member of the consumer group {@code groupId} (Kafka's
 * {@code ConsumerGroupTargetAssignmentMemberValue}); a null {@code topics} removes it.
 *
 * @param topics the member's target partitions by topic, topics in id order
 */
public record ConsumerTargetAssignmentMemberRecord(String groupId, String memberId, List<TopicPartitionsValue> topics)
    implements CoordinatorRecord {

    public ConsumerTargetAssignmentMemberRecord {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(memberId, "memberId");
        topics = topics == null ? null : List.copyOf(topics);
    }

    @Override
    public RecordType type() {
        return RecordType.CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER;
    }

    @Override
    public boolean isTombstone() {
        return topics == null;
    }
}
