package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.ResultBuilder;

/**
 * The records that remove members from a consumer group, whatever the reason (leave with epoch -1, LeaveGroup,
 * session expiry, rebalance, join or sync timeout, fencing): their partitions become free and the group epoch is
 * bumped (spec §9). When only members using the classic protocol remain, the group is downgraded instead (§17).
 */
final class MemberRemoval {

    /** No target assignment computed yet: the next joiner must not wait for the assignment interval. */
    private static final long ASSIGN_AT_ONCE = 0L;

    private final SubscriptionResolver topics;
    private final ClassicGroupDowngrade downgrade;

    MemberRemoval(SubscriptionResolver topics, ClassicGroupDowngrade downgrade) {
        this.topics = topics;
        this.downgrade = downgrade;
    }

    /**
     * Removes members, or converts the group to a classic group without them.
     *
     * @return true if the group was downgraded: the caller must stop the timers of every member
     */
    boolean remove(ConsumerGroup group, Collection<String> memberIds, ResultBuilder<CoordinatorRecord> out,
                   long nowMs) {
        if (downgrade.applies(group, memberIds)) {
            downgrade.downgrade(group, memberIds, out, nowMs);
            return true;
        }
        out.records(removalRecords(group, memberIds));
        return false;
    }

    /**
     * Kafka's order: per member current assignment, target assignment, member; then the bumped group epoch. Costs
     * O(the leaving members' topics): the group's counted subscriptions tell whether a topic loses its last
     * subscriber, and only then is the metadata hash recomputed.
     */
    private List<CoordinatorRecord> removalRecords(ConsumerGroup group, Collection<String> memberIds) {
        List<CoordinatorRecord> records = new ArrayList<>();
        String groupId = group.groupId();
        Map<String, ConsumerGroupMember> leaving = new LinkedHashMap<>();
        for (String memberId : memberIds) {
            records.add(Records.consumerCurrentAssignmentTombstone(groupId, memberId));
            if (group.hasTargetAssignment(memberId)) {
                records.add(Records.consumerTargetAssignmentTombstone(groupId, memberId));
            }
            records.add(Records.consumerMemberTombstone(groupId, memberId));
            group.member(memberId).ifPresent(member -> leaving.put(memberId, member));
        }
        int epoch = group.groupEpoch() + 1;
        long metadataHash = group.subscribedTopicNamesAfter(leaving.values(), List.of())
            .map(topics::metadataHash)
            .orElseGet(group::subscribedMetadataHash);
        records.add(Records.consumerGroupEpoch(groupId, epoch, metadataHash));
        if (leaving.size() == group.size()) {
            // Nothing to assign to: the target is up to date at the new epoch (spec §9).
            records.add(Records.consumerTargetAssignmentEpoch(groupId, epoch, ASSIGN_AT_ONCE));
        }
        return records;
    }
}
