package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.FencedMemberEpochException;
import org.junit.jupiter.api.Test;

import dev.handoff.coordinator.assignor.PartitionSet;

class CurrentAssignmentBuilderTest {

    private static final Uuid T1 = new Uuid(0L, 1L);
    private static final Uuid T2 = new Uuid(0L, 2L);
    private static final PartitionEpochLookup ALL_FREE = (topicId, partition) -> -1;

    private static ConsumerGroupMember member(int epoch, MemberState state, PartitionEpochs assigned, PartitionEpochs pending) {
        return ConsumerGroupMember.builder("m1")
                .memberEpoch(epoch)
                .previousMemberEpoch(epoch - 1)
                .state(state)
                .assignedPartitions(assigned)
                .partitionsPendingRevocation(pending)
                .build();
    }

    private static PartitionEpochs epochs(int epoch, Uuid topic, int... partitions) {
        return PartitionEpochs.of(Map.of(topic, PartitionSet.of(partitions)), epoch);
    }

    private static Map<Uuid, PartitionSet> tps(Uuid topic, int... partitions) {
        return Map.of(topic, PartitionSet.of(partitions));
    }

    @Test
    void stableAtTargetEpochIsUnchanged() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.STABLE, epochs(10, T1, 0, 1), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(10, tps(T1, 0, 1))
                .withOwnedPartitions(tps(T1, 0, 1))
                .build();

        // Then
        assertThat(result).isSameAs(member);
    }

    @Test
    void stableToStableGetsFreePartitionsAtTheTargetEpoch() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.STABLE, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 1))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.previousMemberEpoch()).isEqualTo(10);
        assertThat(result.assignedPartitions().epochOf(T1, 0)).isEqualTo(10);
        assertThat(result.assignedPartitions().epochOf(T1, 1)).isEqualTo(11);
    }

    @Test
    void stableToUnrevokedPartitions() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.STABLE, epochs(10, T1, 0, 1), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 2))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(tps(T1, 0, 1))
                .build();

        // Then: revoke before assign, no new partition yet, epoch unchanged.
        assertThat(result.state()).isEqualTo(MemberState.UNREVOKED_PARTITIONS);
        assertThat(result.memberEpoch()).isEqualTo(10);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(10, T1, 0));
        assertThat(result.partitionsPendingRevocation()).isEqualTo(epochs(10, T1, 1));
    }

    @Test
    void stableToUnreleasedPartitions() {
        // Given: partition 1 is still held by another member at epoch 9.
        ConsumerGroupMember member = member(10, MemberState.STABLE, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 1))
                .withCurrentPartitionEpoch((topicId, partition) -> partition == 1 ? 9 : -1)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.UNRELEASED_PARTITIONS);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(10, T1, 0));
    }

    @Test
    void unrevokedPartitionsStaysWhileTheMemberStillOwnsThem() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNREVOKED_PARTITIONS, epochs(10, T1, 0), epochs(10, T1, 1));

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 2))
                .withOwnedPartitions(tps(T1, 0, 1))
                .build();

        // Then
        assertThat(result).isSameAs(member);
    }

    @Test
    void unrevokedPartitionsStaysWhenTheHeartbeatOmitsOwnedPartitions() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNREVOKED_PARTITIONS, epochs(10, T1, 0), epochs(10, T1, 1));

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 2))
                .withOwnedPartitions(null)
                .build();

        // Then
        assertThat(result).isSameAs(member);
    }

    @Test
    void unrevokedPartitionsToStable() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNREVOKED_PARTITIONS, epochs(10, T1, 0), epochs(10, T1, 1));

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 2))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.previousMemberEpoch()).isEqualTo(10);
        assertThat(result.assignedPartitions().partitions()).isEqualTo(tps(T1, 0, 2));
        assertThat(result.partitionsPendingRevocation()).isEqualTo(PartitionEpochs.EMPTY);
    }

    @Test
    void unrevokedPartitionsToUnreleasedPartitions() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNREVOKED_PARTITIONS, epochs(10, T1, 0), epochs(10, T1, 1));

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 2))
                .withCurrentPartitionEpoch((topicId, partition) -> partition == 2 ? 10 : -1)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.UNRELEASED_PARTITIONS);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(10, T1, 0));
    }

    @Test
    void partitionTheMemberJustRevokedIsFreeForItAgain() {
        // Given: the target gives back partition 1, which the lookup still shows at this member's epoch.
        ConsumerGroupMember member = member(10, MemberState.UNREVOKED_PARTITIONS, epochs(10, T1, 0), epochs(10, T1, 1));

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(12, tps(T1, 0, 1))
                .withCurrentPartitionEpoch((topicId, partition) -> partition == 1 ? 10 : -1)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.assignedPartitions().partitions()).isEqualTo(tps(T1, 0, 1));
    }

    @Test
    void unreleasedPartitionsToStableOncePartitionsAreFree() {
        // Given
        ConsumerGroupMember member = member(11, MemberState.UNRELEASED_PARTITIONS, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 1))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.assignedPartitions().epochOf(T1, 1)).isEqualTo(11);
    }

    @Test
    void unreleasedPartitionsStaysWhileAnotherMemberHoldsThem() {
        // Given
        ConsumerGroupMember member = member(11, MemberState.UNRELEASED_PARTITIONS, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0, 1))
                .withCurrentPartitionEpoch((topicId, partition) -> partition == 1 ? 10 : -1)
                .withOwnedPartitions(tps(T1, 0))
                .build();

        // Then
        assertThat(result).isSameAs(member);
    }

    @Test
    void rejoinWithEmptyOwnedPartitionsSkipsRevocation() {
        // Given: an epoch-0 rejoin reports nothing owned, so there is nothing left to revoke.
        ConsumerGroupMember member = member(10, MemberState.STABLE, epochs(10, T1, 0, 1), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(Map.of())
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.memberEpoch()).isEqualTo(11);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(10, T1, 0));
    }

    @Test
    void stableToUnrevokedPartitionsWhenUnsubscribingATopic() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.STABLE,
                PartitionEpochs.of(Map.of(T1, PartitionSet.of(0), T2, PartitionSet.of(0)), 10), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(10, Map.of(T1, PartitionSet.of(0), T2, PartitionSet.of(0)))
                .withSubscribedTopicIds(Set.of(T1))
                .withSubscriptionChanged(true)
                .withOwnedPartitions(Map.of(T1, PartitionSet.of(0), T2, PartitionSet.of(0)))
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.UNREVOKED_PARTITIONS);
        assertThat(result.memberEpoch()).isEqualTo(10);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(10, T1, 0));
        assertThat(result.partitionsPendingRevocation()).isEqualTo(epochs(10, T2, 0));
    }

    @Test
    void unknownStateIsFencedUnlessTheMemberReportsNothing() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNKNOWN, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When / Then
        assertThatThrownBy(() -> new CurrentAssignmentBuilder(member)
                .withTargetAssignment(10, tps(T1, 0))
                .withOwnedPartitions(tps(T1, 0))
                .build())
                .isInstanceOf(FencedMemberEpochException.class);
    }

    @Test
    void unknownToStableWhenTheMemberStartsFromNothing() {
        // Given
        ConsumerGroupMember member = member(10, MemberState.UNKNOWN, epochs(10, T1, 0), PartitionEpochs.EMPTY);

        // When
        ConsumerGroupMember result = new CurrentAssignmentBuilder(member)
                .withTargetAssignment(11, tps(T1, 0))
                .withCurrentPartitionEpoch(ALL_FREE)
                .withOwnedPartitions(Map.of())
                .build();

        // Then
        assertThat(result.state()).isEqualTo(MemberState.STABLE);
        assertThat(result.assignedPartitions()).isEqualTo(epochs(11, T1, 0));
    }

    @Test
    void workedExampleOfSpecHandsPartitionOverInFourHeartbeats() {
        // Given: A owns p0 and p1 at epoch 1; B joins; the target at epoch 2 is A={p0}, B={p1}.
        ConsumerGroupMember a = ConsumerGroupMember.builder("a").memberEpoch(1)
                .assignedPartitions(epochs(1, T1, 0, 1)).build();
        ConsumerGroupMember b = ConsumerGroupMember.builder("b").build();

        // When
        ConsumerGroupMember bJoined = new CurrentAssignmentBuilder(b).withTargetAssignment(2, tps(T1, 1))
                .withCurrentPartitionEpoch((t, p) -> 1).withOwnedPartitions(Map.of()).build();
        ConsumerGroupMember aRevoking = new CurrentAssignmentBuilder(a).withTargetAssignment(2, tps(T1, 0))
                .withOwnedPartitions(tps(T1, 0, 1)).build();
        ConsumerGroupMember aDone = new CurrentAssignmentBuilder(aRevoking).withTargetAssignment(2, tps(T1, 0))
                .withOwnedPartitions(tps(T1, 0)).build();
        ConsumerGroupMember bDone = new CurrentAssignmentBuilder(bJoined).withTargetAssignment(2, tps(T1, 1))
                .withCurrentPartitionEpoch(ALL_FREE).withOwnedPartitions(Map.of()).build();

        // Then
        assertThat(bJoined.state()).isEqualTo(MemberState.UNRELEASED_PARTITIONS);
        assertThat(bJoined.assignedPartitions().isEmpty()).isTrue();
        assertThat(aRevoking.state()).isEqualTo(MemberState.UNREVOKED_PARTITIONS);
        assertThat(aRevoking.memberEpoch()).isEqualTo(1);
        assertThat(aDone.state()).isEqualTo(MemberState.STABLE);
        assertThat(aDone.memberEpoch()).isEqualTo(2);
        assertThat(bDone.state()).isEqualTo(MemberState.STABLE);
        assertThat(bDone.assignedPartitions()).isEqualTo(epochs(2, T1, 1));
    }
}
