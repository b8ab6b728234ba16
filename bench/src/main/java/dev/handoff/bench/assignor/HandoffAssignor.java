package dev.handoff.bench.assignor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.Uuid;

import dev.handoff.coordinator.assignor.GroupAssignment;
import dev.handoff.coordinator.assignor.GroupSpec;
import dev.handoff.coordinator.assignor.MapTopicDescriber;
import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.MemberSpec;
import dev.handoff.coordinator.assignor.PartitionAssignor;
import dev.handoff.coordinator.assignor.RangeAssignor;
import dev.handoff.coordinator.assignor.UniformAssignor;

/** Handoff's assignors on a scenario. */
final class HandoffAssignor implements AssignorUnderTest {

    private final PartitionAssignor assignor;
    private final GroupSpec group;
    private final MapTopicDescriber topics;
    private final GroupAssignment previous;

    private HandoffAssignor(PartitionAssignor assignor, GroupSpec group, MapTopicDescriber topics, GroupAssignment previous) {
        this.assignor = assignor;
        this.group = group;
        this.topics = topics;
        this.previous = previous;
    }

    static HandoffAssignor prepare(String name, Scenario before, Scenario after) {
        PartitionAssignor assignor = UniformAssignor.NAME.equals(name) ? new UniformAssignor() : new RangeAssignor();
        GroupAssignment previous = assignor.assign(spec(before, new GroupAssignment(Map.of())), describer(before));
        return new HandoffAssignor(assignor, spec(after, previous), describer(after), previous);
    }

    private static MapTopicDescriber describer(Scenario scenario) {
        return scenario.racks() == 0 ? MapTopicDescriber.of(scenario.partitionCounts())
                : MapTopicDescriber.withRacks(scenario.partitionRacks());
    }

    private static GroupSpec spec(Scenario scenario, GroupAssignment current) {
        List<MemberSpec> members = new ArrayList<>(scenario.subscriptions().size());
        scenario.subscriptions().forEach((id, topics) -> members.add(new MemberSpec(id, Optional.empty(),
                scenario.rackOf(id), topics, current.member(id))));
        return GroupSpec.of(members);
    }

    @Override
    public Object assign() {
        return assignor.assign(group, topics);
    }

    @Override
    public Map<String, Map<Uuid, int[]>> normalise(Object result) {
        return normalised((GroupAssignment) result);
    }

    @Override
    public Map<String, Map<Uuid, int[]>> previous() {
        return normalised(previous);
    }

    private static Map<String, Map<Uuid, int[]>> normalised(GroupAssignment assignment) {
        Map<String, Map<Uuid, int[]>> result = new HashMap<>();
        assignment.members().forEach((id, member) -> result.put(id, normalised(member)));
        return result;
    }

    private static Map<Uuid, int[]> normalised(MemberAssignment member) {
        Map<Uuid, int[]> result = new HashMap<>();
        member.partitions().forEach((topic, partitions) -> result.put(topic, partitions.toArray()));
        return result;
    }
}
