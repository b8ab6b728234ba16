package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConsumerGroupMemberTest {

    @Test
    void builderCopiesEveryFieldAndSortsTopicNames() {
        // Given
        ConsumerGroupMember member = ConsumerGroupMember.builder("m1")
                .instanceId("i1").rackId("r1").clientId("c").clientHost("/127.0.0.1")
                .subscribedTopicNames(List.of("b", "a")).subscribedTopicRegex("t.*").serverAssignorName("range")
                .rebalanceTimeoutMs(300_000).memberEpoch(5).previousMemberEpoch(4)
                .state(MemberState.UNRELEASED_PARTITIONS)
                .build();

        // When
        ConsumerGroupMember copy = member.toBuilder().build();

        // Then
        assertThat(copy).isEqualTo(member);
        assertThat(copy.subscribedTopicNames()).containsExactly("a", "b");
        assertThat(copy.instanceId()).contains("i1");
    }

    @Test
    void newMemberStartsStableAtEpochZeroWithNothing() {
        // When
        ConsumerGroupMember member = ConsumerGroupMember.builder("m1").build();

        // Then
        assertThat(member.memberEpoch()).isZero();
        assertThat(member.state()).isEqualTo(MemberState.STABLE);
        assertThat(member.assignedPartitions().isEmpty()).isTrue();
        assertThat(member.rebalanceTimeoutMs()).isEqualTo(-1);
    }
}
