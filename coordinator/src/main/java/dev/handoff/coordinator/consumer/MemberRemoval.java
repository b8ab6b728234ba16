package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;

/**
 * The records that remove a member from a consumer group, whatever the reason (leave with epoch -1, session
 * expiry, rebalance timeout, fencing): its partitions become free and the group epoch is bumped (spec §9).
 */
final class MemberRemoval {

    /** No target assignment computed yet: the next joiner must not wait for the assignment interval. */
    private static final long ASSIGN_AT_ONCE = 0L;

    private final SubscriptionResolver topics;

    MemberRemoval(SubscriptionResolver topics) {
        this.topics = topics;
    }

    /** Kafka's order: current assignment, target assignment, member; then the bumped group epoch. */
    List<CoordinatorRecord> remove(ConsumerGroup group, String memberId) {
        List<CoordinatorRecord> records = new ArrayList<>();
        String groupId = group.groupId();
        records.add(Records.consumerCurrentAssignmentTombstone(groupId, memberId));
        if (group.hasTargetAssignment(memberId)) {
            records.add(Records.consumerTargetAssignmentTombstone(groupId, memberId));
        }
        records.add(Records.consumerMemberTombstone(groupId, memberId));
        Map<String, ConsumerGroupMember> remaining = new TreeMap<>(group.members());
        remaining.remove(memberId);
        int epoch = group.groupEpoch() + 1;
        records.add(Records.consumerGroupEpoch(groupId, epoch, topics.metadataHash(
            topics.topicNames(remaining.values()))));
        if (remaining.isEmpty()) {
            // Nothing to assign to: the target is up to date at the new epoch (spec §9).
            records.add(Records.consumerTargetAssignmentEpoch(groupId, epoch, ASSIGN_AT_ONCE));
        }
        return records;
    }
}
