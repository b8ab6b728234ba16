package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.handoff.coordinator.assignor.GroupAssignment;
import dev.handoff.coordinator.assignor.GroupSpec;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.MemberSpec;
import dev.handoff.coordinator.assignor.PartitionAssignor;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import org.apache.kafka.common.Uuid;

/**
 * Computes a consumer group's new target assignment with its server assignor (Kafka's
 * {@code TargetAssignmentBuilder}): it writes only the members whose target changed, then the new assignment epoch.
 */
final class TargetAssignmentUpdater {

    /** The new target and the records that persist it. */
    record Update(SortedMap<String, MemberAssignment> target, List<CoordinatorRecord> records) {
    }

    private final SubscriptionResolver topics;

    TargetAssignmentUpdater(SubscriptionResolver topics) {
        this.topics = topics;
    }

    /**
     * @param members        the members as they will be after this operation
     * @param previousTarget the current target assignment (the base for stickiness)
     * @param epoch          the group epoch the new target is computed for
     * @throws dev.handoff.coordinator.assignor.PartitionAssignorException if the assignor fails
     */
    Update compute(String groupId, Map<String, ConsumerGroupMember> members,
                   Map<String, MemberAssignment> previousTarget, int epoch, PartitionAssignor assignor, long nowMs) {
        List<MemberSpec> specs = new ArrayList<>(members.size());
        for (ConsumerGroupMember member : members.values()) {
            Set<Uuid> subscribed = topics.topicIds(member);
            specs.add(new MemberSpec(member.memberId(), member.instanceId(), member.rackId(), subscribed,
                stillAssignable(previousTarget.getOrDefault(member.memberId(), MemberAssignment.EMPTY), subscribed)));
        }
        GroupAssignment assignment = assignor.assign(GroupSpec.of(specs), topics.image());
        SortedMap<String, MemberAssignment> target = new TreeMap<>();
        List<CoordinatorRecord> records = new ArrayList<>();
        for (String memberId : members.keySet()) {
            MemberAssignment next = assignment.member(memberId);
            target.put(memberId, next);
            if (!next.equals(previousTarget.get(memberId))) {
                records.add(ConsumerGroupRecords.targetAssignmentRecord(groupId, memberId, next));
            }
        }
        records.add(Records.consumerTargetAssignmentEpoch(groupId, epoch, nowMs));
        return new Update(target, records);
    }

    /** The previous target without topics the member left and partitions that no longer exist. */
    private MemberAssignment stillAssignable(MemberAssignment previous, Set<Uuid> subscribed) {
        Map<Uuid, PartitionSet> kept = new HashMap<>();
        previous.partitions().forEach((topicId, partitions) -> {
            int count = topics.image().numPartitions(topicId);
            if (subscribed.contains(topicId) && count > 0) {
                List<Integer> valid = new ArrayList<>();
                partitions.forEach(p -> {
                    if (p < count) {
                        valid.add(p);
                    }
                });
                kept.put(topicId, PartitionSet.of(valid));
            }
        });
        return MemberAssignment.of(kept);
    }
}
