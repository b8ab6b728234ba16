package dev.handoff.coordinator.assignor;

import static dev.handoff.coordinator.assignor.Groups.T1;
import static dev.handoff.coordinator.assignor.Groups.T2;
import static dev.handoff.coordinator.assignor.Groups.T3;
import static dev.handoff.coordinator.assignor.Groups.assignment;
import static dev.handoff.coordinator.assignor.Groups.group;
import static dev.handoff.coordinator.assignor.Groups.partitions;
import static dev.handoff.coordinator.assignor.Groups.racked;
import static dev.handoff.coordinator.assignor.Groups.topics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class UniformAssignorTest {

    private final UniformAssignor assignor = new UniformAssignor();

    @Test
    void emptyGroupGetsEmptyAssignment() {
        // Given
        GroupSpec group = group().build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 3));

        // Then
        assertThat(result.members()).isEmpty();
    }

    @Test
    void firstAssignmentFillsMinimumsInMemberIdOrderThenExtras() {
        // Given
        GroupSpec group = group().member("b", Set.of(T1, T2)).member("a", Set.of(T1, T2)).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 3, T2, 2));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1), T2, partitions(1)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(2), T2, partitions(0)));
    }

    @Test
    void joiningMemberTakesOnlyTheExcessOfOthers() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0, 1, 2)))
                .member("b", Set.of(T1), assignment(T1, partitions(3, 4, 5)))
                .member("c", Set.of(T1))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 6));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(3, 4)));
        assertThat(result.member("c")).isEqualTo(assignment(T1, partitions(2, 5)));
    }

    @Test
    void leavingMemberPartitionsGoToTheOthersWhoKeepTheirs() {
        // Given: c left; it owned 4 and 5.
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0, 1)))
                .member("b", Set.of(T1), assignment(T1, partitions(2, 3)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 6));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1, 4)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(2, 3, 5)));
    }

    @Test
    void unchangedMemberKeepsItsAssignmentObject() {
        // Given
        MemberAssignment current = assignment(T1, partitions(0, 1));
        GroupSpec group = group()
                .member("a", Set.of(T1), current)
                .member("b", Set.of(T1), assignment(T1, partitions(2, 3)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 4));

        // Then
        assertThat(result.member("a")).isSameAs(current);
    }

    @Test
    void extraSlotGoesToMemberAlreadyHoldingIt() {
        // Given: 5 partitions, 2 members; b already holds 3.
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0, 1)))
                .member("b", Set.of(T1), assignment(T1, partitions(2, 3, 4)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 5));

        // Then
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(2, 3, 4)));
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1)));
    }

    @Test
    void partitionsOfUnsubscribedOrDeletedTopicsAndMissingPartitionsAreDropped() {
        // Given: T3 was unsubscribed, partition 7 of T1 no longer exists.
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0, 7), T3, partitions(0)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2, T3, 1));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1)));
    }

    @Test
    void partitionClaimedByTwoMembersStaysWithTheFirst() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1), assignment(T1, partitions(0)))
                .member("b", Set.of(T1), assignment(T1, partitions(0)))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(1)));
    }

    @Test
    void heterogeneousSubscriptionsAreBalancedWhereTheyOverlap() {
        // Given: a reads T1 and T2, b only T1, c only T2.
        GroupSpec group = group()
                .member("a", Set.of(T1, T2))
                .member("b", Set.of(T1))
                .member("c", Set.of(T2))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 3, T2, 3));

        // Then
        assertThat(List.of(result.member("a"), result.member("b"), result.member("c")))
                .extracting(MemberAssignment::totalPartitions)
                .containsExactly(2, 2, 2);
    }

    @Test
    void disjointSubscriptionsAreEachBalanced() {
        // Given
        GroupSpec group = group()
                .member("a", Set.of(T1)).member("b", Set.of(T1))
                .member("c", Set.of(T2)).member("d", Set.of(T2)).member("e", Set.of(T2))
                .build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 4, T2, 3));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(2, 3)));
        assertThat(result.member("c")).isEqualTo(assignment(T2, partitions(0)));
        assertThat(result.member("e")).isEqualTo(assignment(T2, partitions(2)));
    }

    @Test
    void memberWithoutSubscriptionGetsNothing() {
        // Given
        GroupSpec group = group().member("a", Set.of(T1)).member("b", Set.of()).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2));

        // Then
        assertThat(result.member("b")).isEqualTo(MemberAssignment.EMPTY);
        assertThat(result.member("a").totalPartitions()).isEqualTo(2);
    }

    @Test
    void subscriptionToMissingTopicFails() {
        // Given
        GroupSpec group = group().member("a", Set.of(T1, Groups.topic(99))).build();

        // When / Then
        assertThatThrownBy(() -> assignor.assign(group, topics(T1, 2)))
                .isInstanceOf(PartitionAssignorException.class);
    }

    @Test
    void freePartitionsPreferSameRackMembers() {
        // Given: partition p has its replica in rack "r" + (p % 2).
        GroupSpec group = group()
                .member(racked("a", "r1", Set.of(T1), MemberAssignment.EMPTY))
                .member(racked("b", "r0", Set.of(T1), MemberAssignment.EMPTY))
                .build();
        TopicDescriber topics = MapTopicDescriber.withRacks(Map.of(T1,
                List.of(Set.of("r0"), Set.of("r1"), Set.of("r0"), Set.of("r1"))));

        // When
        GroupAssignment result = assignor.assign(group, topics);

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(1, 3)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(0, 2)));
    }

    @Test
    void rackPreferenceNeverMovesAPartitionAMemberMayKeep() {
        // Given: a holds rack-r0 partitions although it sits in r1; keeping them beats moving them.
        GroupSpec group = group()
                .member(racked("a", "r1", Set.of(T1), assignment(T1, partitions(0, 2))))
                .member(racked("b", "r0", Set.of(T1), MemberAssignment.EMPTY))
                .build();
        TopicDescriber topics = MapTopicDescriber.withRacks(Map.of(T1,
                List.of(Set.of("r0"), Set.of("r1"), Set.of("r0"), Set.of("r1"))));

        // When
        GroupAssignment result = assignor.assign(group, topics);

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 2)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(1, 3)));
    }

    @Test
    void memberOverQuotaKeepsItsSameRackPartitions() {
        // Given: a holds all four partitions; two of them (1, 3) have a replica in its rack.
        GroupSpec group = group()
                .member(racked("a", "r1", Set.of(T1), assignment(T1, partitions(0, 1, 2, 3))))
                .member(racked("b", "r0", Set.of(T1), MemberAssignment.EMPTY))
                .build();
        TopicDescriber topics = MapTopicDescriber.withRacks(Map.of(T1,
                List.of(Set.of("r0"), Set.of("r1"), Set.of("r0"), Set.of("r1"))));

        // When
        GroupAssignment result = assignor.assign(group, topics);

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(1, 3)));
    }

    @Test
    void rackBlindModeIgnoresRacks() {
        // Given
        GroupSpec group = group()
                .member(racked("a", "r1", Set.of(T1), MemberAssignment.EMPTY))
                .member(racked("b", "r0", Set.of(T1), MemberAssignment.EMPTY))
                .build();
        TopicDescriber topics = MapTopicDescriber.withRacks(Map.of(T1,
                List.of(Set.of("r0"), Set.of("r1"), Set.of("r0"), Set.of("r1"))));

        // When
        GroupAssignment result = new UniformAssignor(false).assign(group, topics);

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0, 1)));
    }

    @Test
    void topicWithNoPartitionsIsHarmless() {
        // Given
        Uuid empty = Groups.topic(7);
        GroupSpec group = group().member("a", Set.of(T1, empty)).member("b", Set.of(T1, empty)).build();

        // When
        GroupAssignment result = assignor.assign(group, topics(T1, 2, empty, 0));

        // Then
        assertThat(result.member("a")).isEqualTo(assignment(T1, partitions(0)));
        assertThat(result.member("b")).isEqualTo(assignment(T1, partitions(1)));
    }
}
