package dev.handoff.bench.assignor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.coordinator.group.api.assignor.ConsumerGroupPartitionAssignor;
import org.apache.kafka.coordinator.group.api.assignor.GroupAssignment;
import org.apache.kafka.coordinator.group.api.assignor.GroupSpec;
import org.apache.kafka.coordinator.group.api.assignor.MemberAssignment;
import org.apache.kafka.coordinator.group.api.assignor.SubscribedTopicDescriber;
import org.apache.kafka.coordinator.group.api.assignor.SubscriptionType;
import org.apache.kafka.coordinator.group.assignor.RangeAssignor;
import org.apache.kafka.coordinator.group.assignor.UniformAssignor;
import org.apache.kafka.coordinator.group.modern.Assignment;
import org.apache.kafka.coordinator.group.modern.GroupSpecImpl;
import org.apache.kafka.coordinator.group.modern.MemberSubscriptionAndAssignmentImpl;

/**
 * Apache Kafka 4.4.0's own server-side assignors through their public API, with the inputs Kafka's
 * {@code TargetAssignmentBuilder} gives them: a {@link GroupSpecImpl} with the subscription type and the
 * inverted current assignment, and a topic describer (a map here; Kafka's reads its metadata image).
 */
final class KafkaAssignor implements AssignorUnderTest {

    private final ConsumerGroupPartitionAssignor assignor;
    private final GroupSpec group;
    private final SubscribedTopicDescriber topics;
    private final GroupAssignment previous;

    private KafkaAssignor(ConsumerGroupPartitionAssignor assignor, GroupSpec group, SubscribedTopicDescriber topics,
            GroupAssignment previous) {
        this.assignor = assignor;
        this.group = group;
        this.topics = topics;
        this.previous = previous;
    }

    static KafkaAssignor prepare(String name, Scenario before, Scenario after) {
        ConsumerGroupPartitionAssignor assignor = UniformAssignor.NAME.equals(name)
                ? new UniformAssignor() : new RangeAssignor();
        GroupAssignment previous = assignor.assign(spec(before, new GroupAssignment(Map.of())), describer(before));
        return new KafkaAssignor(assignor, spec(after, previous), describer(after), previous);
    }

    private static SubscribedTopicDescriber describer(Scenario scenario) {
        Map<Uuid, Integer> counts = new HashMap<>(scenario.partitionCounts());
        Map<Uuid, List<Set<String>>> racks = new HashMap<>(scenario.partitionRacks());
        return new SubscribedTopicDescriber() {
            @Override
            public int numPartitions(Uuid topicId) {
                return counts.getOrDefault(topicId, -1);
            }

            @Override
            public Set<String> racksForPartition(Uuid topicId, int partition) {
                List<Set<String>> partitions = racks.get(topicId);
                return partitions == null || partition >= partitions.size() ? Set.of() : partitions.get(partition);
            }
        };
    }

    private static GroupSpec spec(Scenario scenario, GroupAssignment current) {
        Map<String, MemberSubscriptionAndAssignmentImpl> members = new HashMap<>();
        Map<Uuid, Map<Integer, String>> inverted = new HashMap<>();
        scenario.subscriptions().forEach((id, topics) -> {
            MemberAssignment assignment = current.members().get(id);
            Map<Uuid, Set<Integer>> partitions = assignment == null ? Map.of() : assignment.partitions();
            partitions.forEach((topic, set) -> set.forEach(p ->
                    inverted.computeIfAbsent(topic, t -> new HashMap<>()).put(p, id)));
            members.put(id, new MemberSubscriptionAndAssignmentImpl(scenario.rackOf(id), Optional.empty(), topics,
                    new Assignment(partitions)));
        });
        SubscriptionType type = Set.copyOf(scenario.subscriptions().values()).size() <= 1
                ? SubscriptionType.HOMOGENEOUS : SubscriptionType.HETEROGENEOUS;
        return new GroupSpecImpl(members, type, inverted);
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
        assignment.members().forEach((id, member) -> {
            Map<Uuid, int[]> topics = new HashMap<>();
            member.partitions().forEach((topic, set) ->
                    topics.put(topic, set.stream().mapToInt(Integer::intValue).sorted().toArray()));
            result.put(id, topics);
        });
        return result;
    }
}
