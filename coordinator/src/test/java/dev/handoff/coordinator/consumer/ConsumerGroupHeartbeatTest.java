package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.GROUP;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.ack;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.assignmentOf;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.handoff.coordinator.assignor.MemberAssignment;
import dev.handoff.coordinator.assignor.PartitionSet;
import dev.handoff.coordinator.record.ConsumerCurrentAssignmentValue;
import dev.handoff.coordinator.record.ConsumerMemberMetadataValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.record.TopicPartitionEpochsValue;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class ConsumerGroupHeartbeatTest {

    private static final int SESSION_TIMEOUT_MS = 45_000;
    private static final int HEARTBEAT_INTERVAL_MS = 5_000;

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();

    @Test
    void firstMemberJoinsAnEmptyGroupAndGetsEveryPartition() {
        // Given
        Uuid foo = ctx.createTopic("foo", 3);

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("m1", "foo"));

        // Then
        assertThat(response).isEqualTo(new ConsumerGroupHeartbeatResponseData()
            .setMemberId("m1")
            .setMemberEpoch(2)
            .setHeartbeatIntervalMs(HEARTBEAT_INTERVAL_MS)
            .setAssignment(new ConsumerGroupHeartbeatResponseData.Assignment().setTopicPartitions(List.of(
                new ConsumerGroupHeartbeatResponseData.TopicPartitions().setTopicId(foo).setPartitions(List.of(0, 1,
                    2))))));
        assertThat(ctx.lastRecords()).containsExactly(
            Records.consumerMember(GROUP, "m1", new ConsumerMemberMetadataValue(null, null,
                ConsumerGroupTestContext.CLIENT_ID, ConsumerGroupTestContext.CLIENT_HOST, List.of("foo"), null, null,
                ConsumerGroupTestContext.REBALANCE_TIMEOUT_MS)),
            Records.consumerGroupEpoch(GROUP, 2, ctx.group().metadataHash()),
            ConsumerGroupRecords.targetAssignmentRecord(GROUP, "m1",
                MemberAssignment.of(Map.of(foo, PartitionSet.of(0, 1, 2)))),
            Records.consumerTargetAssignmentEpoch(GROUP, 2, ctx.clock.nowMs()),
            Records.consumerCurrentAssignment(GROUP, "m1", new ConsumerCurrentAssignmentValue(2, 0,
                MemberState.STABLE.value(), List.of(new TopicPartitionEpochsValue(foo, List.of(0, 1, 2),
                List.of(2, 2, 2))), List.of())));
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.STABLE);
        assertThat(ctx.shard().timerDeadline(ConsumerGroupTimers.sessionKey(GROUP, "m1")))
            .hasValue(ctx.clock.nowMs() + SESSION_TIMEOUT_MS);
    }

    @Test
    void secondMemberGetsItsPartitionOnlyAfterTheFirstRevokedIt() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData m2Joined = ctx.heartbeat(join("m2", "foo"));
        assertNoPartitionOwnedTwice();
        ConsumerGroupHeartbeatResponseData m1MustRevoke = ctx.heartbeat(heartbeat("m1", 2));
        assertNoPartitionOwnedTwice();
        ConsumerGroupHeartbeatResponseData m2StillWaits = ctx.heartbeat(heartbeat("m2", 3));
        List<Integer> kept = assignmentOf(m1MustRevoke).get(foo);
        ConsumerGroupHeartbeatResponseData m1Revoked = ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)));
        assertNoPartitionOwnedTwice();
        ConsumerGroupHeartbeatResponseData m2Assigned = ctx.heartbeat(heartbeat("m2", 3));
        assertNoPartitionOwnedTwice();

        // Then
        assertThat(m2Joined.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(m2Joined)).isEmpty();
        assertThat(m1MustRevoke.memberEpoch()).isEqualTo(2);
        assertThat(kept).hasSize(1);
        assertThat(m2StillWaits.assignment()).isNull();
        assertThat(m1Revoked.memberEpoch()).isEqualTo(3);
        assertThat(m1Revoked.assignment()).isNull();
        assertThat(m2Assigned.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(m2Assigned).get(foo)).hasSize(1).doesNotContainAnyElementsOf(kept);
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.STABLE);
    }

    @Test
    void leavingMemberFreesItsPartitionsAndBumpsTheEpoch() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData left = ctx.heartbeat(leave("m2"));

        // Then
        assertThat(left).isEqualTo(new ConsumerGroupHeartbeatResponseData().setMemberId("m2").setMemberEpoch(-1));
        assertThat(ctx.lastRecords()).containsExactly(
            Records.consumerCurrentAssignmentTombstone(GROUP, "m2"),
            Records.consumerTargetAssignmentTombstone(GROUP, "m2"),
            Records.consumerMemberTombstone(GROUP, "m2"),
            Records.consumerGroupEpoch(GROUP, 4, ctx.group().metadataHash()));
        assertThat(ctx.shard().timerDeadline(ConsumerGroupTimers.sessionKey(GROUP, "m2"))).isEmpty();
        ConsumerGroupHeartbeatResponseData m1 = ctx.heartbeat(heartbeat("m1", 2));
        assertThat(m1.memberEpoch()).isEqualTo(4);
        assertThat(m1.assignment()).as("m1 never gave anything up, so nothing changed for it").isNull();
        assertThat(ctx.member("m1").assignedPartitions().partitions()).isEqualTo(Map.of(foo, PartitionSet.of(0, 1)));
    }

    @Test
    void lastMemberLeavingEmptiesTheGroupAndSettlesTheAssignmentEpoch() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        ctx.heartbeat(leave("m1"));

        // Then
        assertThat(ctx.lastRecords()).endsWith(Records.consumerGroupEpoch(GROUP, 3, ctx.group().metadataHash()),
            Records.consumerTargetAssignmentEpoch(GROUP, 3, 0L));
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.EMPTY);
    }

    @Test
    void crashedMemberIsRemovedWhenItsSessionExpires() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));
        ctx.sleep(SESSION_TIMEOUT_MS - 1);
        List<Integer> kept = assignmentOf(ctx.heartbeat(heartbeat("m1", 2))).get(foo);

        // When
        List<CoordinatorRecord> expired = ctx.sleep(1);

        // Then
        assertThat(expired).containsExactly(
            Records.consumerCurrentAssignmentTombstone(GROUP, "m2"),
            Records.consumerTargetAssignmentTombstone(GROUP, "m2"),
            Records.consumerMemberTombstone(GROUP, "m2"),
            Records.consumerGroupEpoch(GROUP, 4, ctx.group().metadataHash()));
        assertThat(ctx.group().members()).containsOnlyKeys("m1");
        ConsumerGroupHeartbeatResponseData m1 = ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)));
        assertThat(m1.memberEpoch()).isEqualTo(4);
        assertThat(assignmentOf(m1)).isEqualTo(Map.of(foo, List.of(0, 1)));
    }

    @Test
    void sessionsExpiringTogetherEachBumpTheEpochAndHashTheTopicsStillSubscribed() {
        // Given
        Uuid foo = ctx.createTopic("foo", 3);
        ctx.createTopic("bar", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo", "bar"));
        ctx.heartbeat(join("m3", "bar"));
        int epoch = ctx.group().groupEpoch();
        ctx.sleep(SESSION_TIMEOUT_MS - 1);
        ctx.heartbeat(heartbeat("m1", ctx.member("m1").memberEpoch()));

        // When
        List<CoordinatorRecord> expired = ctx.sleep(1);

        // Then
        SubscriptionResolver resolver = ctx.resolver();
        assertThat(expired).containsSubsequence(
            Records.consumerMemberTombstone(GROUP, "m2"),
            Records.consumerGroupEpoch(GROUP, epoch + 1, resolver.metadataHash(List.of("bar", "foo"))),
            Records.consumerMemberTombstone(GROUP, "m3"),
            Records.consumerGroupEpoch(GROUP, epoch + 2, resolver.metadataHash(List.of("foo"))));
        assertThat(ctx.group().groupEpoch()).isEqualTo(epoch + 2);
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("foo");
        ctx.heartbeat(heartbeat("m1", ctx.member("m1").memberEpoch()));
        assertThat(ctx.group().targetAssignment("m1")).isEqualTo(MemberAssignment.of(Map.of(foo,
            PartitionSet.of(0, 1, 2))));
        assertThat(ctx.group().assignmentEpoch()).isEqualTo(epoch + 2);
    }

    @Test
    void slowRevokerIsFencedWhenItsRebalanceTimeoutExpiresAndItsPartitionsMoveOn() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo").setRebalanceTimeoutMs(10_000));
        ctx.heartbeat(join("m2", "foo"));
        ctx.heartbeat(heartbeat("m1", 2));
        assertThat(ctx.member("m1").state()).isEqualTo(MemberState.UNREVOKED_PARTITIONS);
        ctx.sleep(5_000);
        ctx.heartbeat(heartbeat("m1", 2));

        // When
        List<CoordinatorRecord> fenced = ctx.sleep(5_000);

        // Then
        assertThat(fenced).contains(Records.consumerMemberTombstone(GROUP, "m1"));
        ConsumerGroupHeartbeatResponseData m2 = ctx.heartbeat(heartbeat("m2", 3));
        assertThat(m2.memberEpoch()).isEqualTo(4);
        assertThat(assignmentOf(m2)).isEqualTo(Map.of(foo, List.of(0, 1)));
        assertThat(ctx.heartbeat(heartbeat("m1", 2)).errorCode()).isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
    }

    @Test
    void rebalanceTimerIsCancelledOnceTheMemberRevoked() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo").setRebalanceTimeoutMs(10_000));
        ctx.heartbeat(join("m2", "foo"));
        List<Integer> kept = assignmentOf(ctx.heartbeat(heartbeat("m1", 2))).get(foo);

        // When
        ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)));

        // Then
        assertThat(ctx.shard().timerDeadline(ConsumerGroupTimers.rebalanceKey(GROUP, "m1"))).isEmpty();
        assertThat(ctx.sleep(10_000)).isEmpty();
    }

    @Test
    void groupSubscriptionsFollowSubscriptionChangesAndLeavesWhileSteadyHeartbeatsReuseThem() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.createTopic("bar", 1);
        ctx.createTopic("baz", 1);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "bar"));
        assertThat(ctx.group().subscribedTopicNames()).containsExactly("bar", "foo");

        // When
        ctx.heartbeat(heartbeat("m1", ctx.member("m1").memberEpoch()).setSubscribedTopicNames(List.of("baz")));
        List<String> afterChange = List.copyOf(ctx.group().subscribedTopicNames());
        ctx.heartbeat(leave("m2"));
        List<String> afterLeave = List.copyOf(ctx.group().subscribedTopicNames());
        ctx.heartbeat(heartbeat("m1", ctx.member("m1").memberEpoch()));
        int groupEpoch = ctx.group().groupEpoch();
        ctx.heartbeat(heartbeat("m1", ctx.member("m1").memberEpoch()));

        // Then
        assertThat(afterChange).containsExactly("bar", "baz");
        assertThat(afterLeave).containsExactly("baz");
        assertThat(ctx.group().isSubscribedToTopic("bar")).isFalse();
        assertThat(ctx.lastRecords()).isEmpty();
        assertThat(ctx.group().groupEpoch()).isEqualTo(groupEpoch);
    }

    @Test
    void topicCreationGrowthAndDeletionBumpTheEpochOfSubscribedGroups() {
        // Given
        Uuid foo = ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo", "bar"));
        ctx.createTopic("other", 1);
        assertThat(ctx.lastRecords()).isEmpty();

        // When
        Uuid bar = ctx.createTopic("bar", 2);
        ConsumerGroupHeartbeatResponseData afterCreate = ctx.heartbeat(heartbeat("m1", 2));
        ctx.createTopic("foo", 2);
        ConsumerGroupHeartbeatResponseData afterGrowth = ctx.heartbeat(heartbeat("m1", 3));
        ctx.deleteTopic("bar");
        ConsumerGroupHeartbeatResponseData afterDelete = ctx.heartbeat(heartbeat("m1", 4));
        ConsumerGroupHeartbeatResponseData afterAck = ctx.heartbeat(ack("m1", 4, Map.of(foo, List.of(0, 1))));

        // Then
        assertThat(afterCreate.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(afterCreate)).isEqualTo(Map.of(foo, List.of(0), bar, List.of(0, 1)));
        assertThat(afterGrowth.memberEpoch()).isEqualTo(4);
        assertThat(assignmentOf(afterGrowth)).isEqualTo(Map.of(foo, List.of(0, 1), bar, List.of(0, 1)));
        assertThat(afterDelete.memberEpoch()).isEqualTo(4);
        assertThat(assignmentOf(afterDelete)).isEqualTo(Map.of(foo, List.of(0, 1)));
        assertThat(afterAck.memberEpoch()).isEqualTo(5);
    }

    @Test
    void subscriptionChangeRevokesUnsubscribedTopicsAtOnce() {
        // Given
        Uuid foo = ctx.createTopic("foo", 1);
        Uuid bar = ctx.createTopic("bar", 1);
        ctx.heartbeat(join("m1", "foo", "bar"));

        // When
        ConsumerGroupHeartbeatResponseData response =
            ctx.heartbeat(heartbeat("m1", 2).setSubscribedTopicNames(List.of("foo")));

        // Then
        assertThat(assignmentOf(response)).isEqualTo(Map.of(foo, List.of(0)));
        assertThat(ctx.member("m1").partitionsPendingRevocation().partitions()).containsOnlyKeys(bar);
    }

    @Test
    void lostResponseIsToleratedWithThePreviousEpoch() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));
        List<Integer> kept = assignmentOf(ctx.heartbeat(heartbeat("m1", 2))).get(foo);
        ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)));

        // When (the response carrying epoch 3 was lost)
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)));

        // Then
        assertThatErrorCode(response.errorCode()).isNone();
        assertThat(response.memberEpoch()).isEqualTo(3);
    }

    @Test
    void epochZeroRejoinKeepsTheMemberAndItsAssignment() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("m1", "foo"));

        // Then
        assertThat(response.memberEpoch()).isEqualTo(2);
        assertThat(assignmentOf(response)).isEqualTo(Map.of(foo, List.of(0, 1)));
        assertThat(ctx.lastRecords()).isEmpty();
    }

    @Test
    void version0MemberWithoutIdGetsOneFromTheCoordinator() {
        // Given
        ctx.createTopic("foo", 1);

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("", "foo"), (short) 0);

        // Then
        assertThatErrorCode(response.errorCode()).isNone();
        assertThat(response.memberId()).isEqualTo(ConsumerGroupTestContext.CLIENT_ID + "-1");
        assertThat(ctx.group().members()).containsOnlyKeys(response.memberId());
    }

    @Test
    void regexSubscriptionFollowsMatchingTopicsButNeverInternalOnes() {
        // Given
        Uuid orders = ctx.createTopic("orders-eu", 1);
        ctx.createTopic("__consumer_offsets", 1);
        ctx.heartbeat(join("m1").setSubscribedTopicNames(null).setSubscribedTopicRegex(".*"));

        // When
        Uuid more = ctx.createTopic("orders-us", 1);
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThat(assignmentOf(response)).isEqualTo(Map.of(orders, List.of(0), more, List.of(0)));
    }

    @Test
    void invalidRegexIsRejected() {
        // When
        ConsumerGroupHeartbeatResponseData response =
            ctx.heartbeat(join("m1").setSubscribedTopicNames(null).setSubscribedTopicRegex("(unclosed"));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.INVALID_REGULAR_EXPRESSION);
        assertThat(ctx.lastRecords()).isEmpty();
    }

    private void assertNoPartitionOwnedTwice() {
        Set<String> owned = new HashSet<>();
        for (ConsumerGroupMember member : ctx.group().members().values()) {
            for (PartitionEpochs partitions : List.of(member.assignedPartitions(),
                member.partitionsPendingRevocation())) {
                partitions.epochs().forEach((topicId, epochs) -> epochs.keySet().forEach(p ->
                    assertThat(owned.add(topicId + "-" + p)).as("%s-%d owned twice", topicId, p).isTrue()));
            }
        }
    }
}
