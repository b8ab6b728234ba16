package dev.handoff.coordinator.assignor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/** Small builders for assignor inputs, so tests read as tables. */
final class Groups {

    static final Uuid T1 = topic(1);
    static final Uuid T2 = topic(2);
    static final Uuid T3 = topic(3);

    private final List<MemberSpec> members = new ArrayList<>();

    static Uuid topic(int n) {
        return new Uuid(0L, n);
    }

    static Groups group() {
        return new Groups();
    }

    Groups member(String memberId, Set<Uuid> topics) {
        return member(memberId, topics, MemberAssignment.EMPTY);
    }

    Groups member(String memberId, Set<Uuid> topics, MemberAssignment current) {
        members.add(MemberSpec.of(memberId, topics, current));
        return this;
    }

    Groups member(MemberSpec spec) {
        members.add(spec);
        return this;
    }

    GroupSpec build() {
        return GroupSpec.of(members);
    }

    static MemberAssignment assignment(Object... topicAndPartitions) {
        Map<Uuid, PartitionSet> map = new HashMap<>();
        for (int i = 0; i < topicAndPartitions.length; i += 2) {
            map.put((Uuid) topicAndPartitions[i], (PartitionSet) topicAndPartitions[i + 1]);
        }
        return MemberAssignment.of(map);
    }

    static PartitionSet partitions(int... partitions) {
        return PartitionSet.of(partitions);
    }

    static MapTopicDescriber topics(Object... topicAndCount) {
        Map<Uuid, Integer> counts = new HashMap<>();
        for (int i = 0; i < topicAndCount.length; i += 2) {
            counts.put((Uuid) topicAndCount[i], (Integer) topicAndCount[i + 1]);
        }
        return MapTopicDescriber.of(counts);
    }

    static MemberSpec racked(String memberId, String rack, Set<Uuid> topics, MemberAssignment current) {
        return new MemberSpec(memberId, Optional.empty(), Optional.of(rack), topics, current);
    }

    static MemberSpec staticMember(String memberId, String instanceId, Set<Uuid> topics) {
        return new MemberSpec(memberId, Optional.of(instanceId), Optional.empty(), topics, MemberAssignment.EMPTY);
    }

    /** Feeds an assignment back as the members' current assignments (the next epoch's input). */
    static GroupSpec withCurrent(GroupSpec group, GroupAssignment previous) {
        List<MemberSpec> next = new ArrayList<>();
        for (MemberSpec member : group.members()) {
            next.add(new MemberSpec(member.memberId(), member.instanceId(), member.rackId(),
                    member.subscribedTopicIds(), previous.member(member.memberId())));
        }
        return GroupSpec.of(next);
    }
}
