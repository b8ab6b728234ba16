package dev.handoff.coordinator.assignor;

import static dev.handoff.coordinator.assignor.Groups.T1;
import static dev.handoff.coordinator.assignor.Groups.T2;
import static dev.handoff.coordinator.assignor.Groups.T3;
import static dev.handoff.coordinator.assignor.Groups.assignment;
import static dev.handoff.coordinator.assignor.Groups.group;
import static dev.handoff.coordinator.assignor.Groups.partitions;
import static dev.handoff.coordinator.assignor.Groups.staticMember;
import static dev.handoff.coordinator.assignor.Groups.topics;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class RangeAssignorTest {

    private final RangeAssignor assignor = new RangeAssignor();

    @Test
    void contiguousRangesWithExtraPartitionsToFirstMembers() {
        // Given
        GroupSpec group = group().member("c", Set.of(T1)).member("a", Set.of(T1)).member("b", Set.of(T1)).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 7));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1, 2)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(3, 4)));
        assertThat(result.member("c")).isEqualTo(assignment(T1, partitions(5, 6)));
    }

    @Test
    void coPartitionedTopicsGiveEachMemberTheSamePartitionNumbers() {
        // Given
        GroupSpec group = group().member("a", Set.of(T1, T2)).member("b", Set.of(T1, T2)).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 3, T2, 3));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1), T2, partitions(0, 1)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(2), T2, partitions(2)));
    }

    @Test
    void moreMembersThanPartitionsLeavesLastMembersEmpty() {
        // Given
        GroupSpec group = group().member("a", Set.of(T1)).member("b", Set.of(T1)).member("c", Set.of(T1)).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(1)));
        assertThat(result.member("c")).isEqualTo(MemberAssignment.EMPTY);
    }

    @Test
    void heterogeneousRangesArePerTopicAmongSubscribers() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1, T2))
                .member("b", Set.of(T2, T3))
                .member("c", Set.of(T3))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2, T2, 4, T3, 2));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1), T2, partitions(0, 1)));
        assertThat(result.member("b")).isEqualTo(assignment(T2, partitions(2, 3), T3, partitions(0)));
        assertThat(result.member("c")).isEqualTo(assignment(T3, partitions(1)));
    }

    @Test
    void staticMembersComeFirstInInstanceIdOrder() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1))
                .member(staticMember("z", "instance-2", Set.of(T1)))
                .member(staticMember("y", "instance-1", Set.of(T1)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 3));

        // Then
        assertThat(result.member("y")).isEqualTo(assignment(T1, partitions(0)));
        assertThat(result.member("z")).isEqualTo(assignment(T1, partitions(1)));
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(2)));
    }

    @Test
    void unchangedMemberSetKeepsTheSameAssignment() {
        // Given
        GroupSpec first = group().member("a", Set.of(T1)).member("b", Set.of(T1)).build();
        GroupAssignment previous = assignor.assign(first, topics(T1, 5));

        // When
        GroupAssignment result = assignor.assign(Groups.withCurrent(first, previous), topics(T1, 5));

        // Then
        assertThat(result).isEqualTo(previous);
    }
}
