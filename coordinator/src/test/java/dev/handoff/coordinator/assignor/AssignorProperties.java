package dev.handoff.coordinator.assignor;

import static dev.handoff.coordinator.assignor.AssignmentChecks.assertExactCover;
import static dev.handoff.coordinator.assignor.AssignmentChecks.moved;
import static dev.handoff.coordinator.assignor.AssignmentChecks.spread;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.Uuid;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class AssignorProperties {

    private final UniformAssignor uniform = new UniformAssignor();
    private final RangeAssignor range = new RangeAssignor();

    @Property(tries = 150)
    void uniformStaysExactBalancedAndDeterministicThroughRandomChanges(@ForAll long seed) {
        // Given
        RandomGroups groups = new RandomGroups(seed, true);
        GroupAssignment previous = uniform.assign(groups.spec(new GroupAssignment(Map.of())), groups.topics());

        for (int step = 0; step < 6; step++) {
            // When
            groups.change();
            GroupSpec spec = groups.spec(previous);
            GroupAssignment result = uniform.assign(spec, groups.topics());

            // Then
            assertExactCover(spec, groups.topics(), result);
            assertThat(spread(result)).isLessThanOrEqualTo(1);
            assertThat(uniform.assign(RandomGroups.reordered(spec), groups.topics())).isEqualTo(result);
            previous = result;
        }
    }

    @Property(tries = 150)
    void uniformJoinOrLeaveMovesTheMinimumNumberOfPartitions(@ForAll long seed) {
        // Given
        RandomGroups groups = new RandomGroups(seed, true);
        GroupAssignment before = uniform.assign(groups.spec(new GroupAssignment(Map.of())), groups.topics());
        if (groups.random.nextBoolean() || groups.subscriptions.size() == 1) {
            groups.join();
        } else {
            groups.leave();
        }
        GroupSpec spec = groups.spec(before);

        // When
        GroupAssignment after = uniform.assign(spec, groups.topics());

        // Then
        assertThat(moved(before, after)).isEqualTo(minimumMoves(spec, groups.topics()));
    }

    @Property(tries = 150)
    void uniformHeterogeneousLeavesNoImprovingMoveAndIsDeterministic(@ForAll long seed) {
        // Given
        RandomGroups groups = new RandomGroups(seed, false);
        GroupAssignment previous = uniform.assign(groups.spec(new GroupAssignment(Map.of())), groups.topics());

        for (int step = 0; step < 6; step++) {
            // When
            groups.change();
            GroupSpec spec = groups.spec(previous);
            GroupAssignment result = uniform.assign(spec, groups.topics());

            // Then
            assertExactCover(spec, groups.topics(), result);
            assertNoImprovingMove(spec, result);
            assertThat(uniform.assign(RandomGroups.reordered(spec), groups.topics())).isEqualTo(result);
            previous = result;
        }
    }

    @Property(tries = 150)
    void rangeCoversExactlyAndCoPartitionsEqualTopics(@ForAll long seed) {
        // Given
        RandomGroups groups = new RandomGroups(seed, seed % 2 == 0);
        groups.change();
        GroupSpec spec = groups.spec(new GroupAssignment(Map.of()));

        // When
        GroupAssignment result = range.assign(spec, groups.topics());

        // Then
        assertExactCover(spec, groups.topics(), result);
        assertThat(range.assign(RandomGroups.reordered(spec), groups.topics())).isEqualTo(result);
        if (groups.homogeneous) {
            for (MemberAssignment member : result.members().values()) {
                for (Uuid a : groups.partitionCounts.keySet()) {
                    for (Uuid b : groups.partitionCounts.keySet()) {
                        if (groups.partitionCounts.get(a).equals(groups.partitionCounts.get(b))) {
                            assertThat(member.partitions(a)).isEqualTo(member.partitions(b));
                        }
                    }
                }
            }
        }
    }

    /**
     * The fewest partitions that must leave the members still present: each holds at most its quota, and
     * the {@code P % N} extra slots best go to members already above the minimum.
     */
    private static int minimumMoves(GroupSpec group, TopicDescriber topics) {
        int total = 0;
        for (Uuid topic : group.subscriptions().get(0)) {
            total += topics.numPartitions(topic);
        }
        int quota = total / group.size();
        int extra = total % group.size();
        int excess = 0;
        int aboveQuota = 0;
        for (MemberSpec member : group.members()) {
            int load = member.currentAssignment().totalPartitions();
            excess += Math.max(0, load - quota);
            aboveQuota += load > quota ? 1 : 0;
        }
        return excess - Math.min(extra, aboveQuota);
    }

    private static void assertNoImprovingMove(GroupSpec group, GroupAssignment result) {
        for (MemberSpec donor : group.members()) {
            MemberAssignment held = result.member(donor.memberId());
            for (MemberSpec receiver : group.members()) {
                int gap = held.totalPartitions() - result.member(receiver.memberId()).totalPartitions();
                if (gap > 1) {
                    assertThat(held.partitions().keySet())
                            .as("%s could give a partition to %s", donor.memberId(), receiver.memberId())
                            .noneMatch(receiver.subscribedTopicIds()::contains);
                }
            }
        }
    }
}
