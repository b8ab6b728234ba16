package dev.handoff.coordinator.assignor;

import static dev.handoff.coordinator.assignor.Groups.T1;
import static dev.handoff.coordinator.assignor.Groups.T2;
import static dev.handoff.coordinator.assignor.Groups.assignment;
import static dev.handoff.coordinator.assignor.Groups.group;
import static dev.handoff.coordinator.assignor.Groups.partitions;
import static dev.handoff.coordinator.assignor.Groups.topics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class IncrementalQuotaAssignmentTest {

    private final UniformAssignor incremental = new UniformAssignor(true, true);
    private final UniformAssignor full = new UniformAssignor(true, false);

    @Property(tries = 300)
    void equalsTheFullComputationThroughRandomChanges(@ForAll long seed) {
        // Given
        RandomGroups groups = new RandomGroups(seed, true);
        GroupAssignment previous = full.assign(groups.spec(new GroupAssignment(Map.of())), groups.topics());

        for (int step = 0; step < 8; step++) {
            groups.change();
            GroupSpec spec = groups.spec(previous);

            // When
            GroupAssignment result = incremental.assign(spec, groups.topics());

            // Then
            assertThat(result).isEqualTo(full.assign(spec, groups.topics()));
            previous = result;
        }
    }

    @Property(tries = 300)
    void equalsTheFullComputationOnArbitraryCurrentAssignments(@ForAll long seed) {
        // Given current assignments with duplicates, unknown topics and partitions that no longer exist
        RandomGroups groups = new RandomGroups(seed, true);
        GroupSpec spec = withArbitraryAssignments(groups, new Random(seed));

        // When
        GroupAssignment result = incremental.assign(spec, groups.topics());

        // Then
        assertThat(result).isEqualTo(full.assign(spec, groups.topics()));
    }

    @Property(tries = 300)
    void equalsTheFullComputationWithRacksThroughRandomChanges(@ForAll long seed) {
        // Given members in random racks (some in none) and partitions with replicas in random racks
        RandomGroups groups = new RandomGroups(seed, true);
        Random random = new Random(seed);
        Map<String, Optional<String>> memberRacks = new HashMap<>();
        GroupAssignment previous = full.assign(racked(groups, memberRacks, random, new GroupAssignment(Map.of())),
                partitionRacks(groups, random));

        for (int step = 0; step < 8; step++) {
            groups.change();
            GroupSpec spec = racked(groups, memberRacks, random, previous);
            TopicDescriber topics = partitionRacks(groups, random);

            // When
            GroupAssignment result = incremental.assign(spec, topics);

            // Then
            assertThat(result).isEqualTo(full.assign(spec, topics));
            previous = result;
        }
    }

    @Test
    void oneJoinChangesOnlyTheMembersThatGiveOrReceive() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1, T2), assignment(T1, partitions(0, 1, 2)))
                .member("b", Set.of(T1, T2), assignment(T1, partitions(3, 4, 5)))
                .member("c", Set.of(T1, T2), assignment(T2, partitions(0, 1, 2)))
                .member("d", Set.of(T1, T2))
                .build();
        TopicIndex index = TopicIndex.of(group, topics(T1, 6, T2, 3));

        // When
        GroupAssignment result = new IncrementalQuotaAssignment(group, index, null).run();

        // Then
        assertThat(result).isNotNull();
        assertThat(result.member("a")).isSameAs(group.member(0).currentAssignment());
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(3, 4)));
        assertThat(result.member("c")).isEqualTo(assignment(T2, partitions(0, 1)));
        assertThat(result.member("d")).isEqualTo(assignment(T1, partitions(5), T2, partitions(2)));
    }

    @Test
    void declinesWhenTwoMembersOwnOnePartition() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0, 1)))
                .member("b", Set.of(T1), assignment(T1, partitions(1, 2)))
                .build();

        // When
        GroupAssignment result = new IncrementalQuotaAssignment(group, TopicIndex.of(group, topics(T1, 4)), null).run();

        // Then
        assertThat(result).isNull();
    }

    @Test
    void declinesWhenAPartitionNoLongerExists() {
        // Given
        GroupSpec group = group().member("a", Set.of(T1), assignment(T1, partitions(0, 5))).build();

        // When
        GroupAssignment result = new IncrementalQuotaAssignment(group, TopicIndex.of(group, topics(T1, 4)), null).run();

        // Then
        assertThat(result).isNull();
    }

    /** The group with each member in a rack drawn once (or none), and current assignments from {@code previous}. */
    private static GroupSpec racked(RandomGroups groups, Map<String, Optional<String>> memberRacks, Random random,
            GroupAssignment previous) {
        List<MemberSpec> members = new ArrayList<>();
        groups.subscriptions.forEach((memberId, topics) -> {
            Optional<String> rack = memberRacks.computeIfAbsent(memberId,
                    id -> random.nextInt(4) == 0 ? Optional.empty() : Optional.of("r" + random.nextInt(3)));
            members.add(new MemberSpec(memberId, Optional.empty(), rack, topics, previous.member(memberId)));
        });
        return GroupSpec.of(members);
    }

    /** Every partition with replicas in a random, possibly empty, set of racks. */
    private static TopicDescriber partitionRacks(RandomGroups groups, Random random) {
        Map<Uuid, List<Set<String>>> racks = new HashMap<>();
        groups.partitionCounts.forEach((topic, count) -> {
            List<Set<String>> partitions = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                Set<String> replicas = new TreeSet<>();
                for (int r = 0; r < 3; r++) {
                    if (random.nextInt(3) == 0) {
                        replicas.add("r" + r);
                    }
                }
                partitions.add(replicas);
            }
            racks.put(topic, partitions);
        });
        return MapTopicDescriber.withRacks(racks);
    }

    /** The group's members, each holding random partitions of random topics, known or not. */
    private static GroupSpec withArbitraryAssignments(RandomGroups groups, Random random) {
        List<Uuid> candidates = new ArrayList<>(groups.partitionCounts.keySet());
        candidates.add(Groups.topic(99));
        List<MemberSpec> members = new ArrayList<>();
        groups.subscriptions.forEach((memberId, topics) -> {
            Map<Uuid, PartitionSet> current = new HashMap<>();
            for (Uuid topic : candidates) {
                if (random.nextInt(3) == 0) {
                    int bound = groups.partitionCounts.getOrDefault(topic, 3) + random.nextInt(3);
                    int[] drawn = random.ints(random.nextInt(5), 0, Math.max(1, bound)).toArray();
                    current.put(topic, PartitionSet.of(drawn));
                }
            }
            members.add(MemberSpec.of(memberId, topics, MemberAssignment.of(current)));
        });
        return GroupSpec.of(members);
    }
}
