package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.GROUP;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.assignmentOf;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.record.Records;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class StaticMembershipTest {

    private static final int SESSION_TIMEOUT_MS = 45_000;

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();
    private Uuid foo;

    private void twoStaticMembers() {
        foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("a1", "foo").setInstanceId("a"));
        ctx.heartbeat(join("b1", "foo").setInstanceId("b"));
        List<Integer> kept = assignmentOf(ctx.heartbeat(heartbeat("a1", 2).setInstanceId("a"))).get(foo);
        ctx.heartbeat(ConsumerGroupTestContext.ack("a1", 2, Map.of(foo, kept)).setInstanceId("a"));
        ctx.heartbeat(heartbeat("b1", 3).setInstanceId("b"));
    }

    @Test
    void temporaryLeaveKeepsThePartitionsWithoutAnEpochBump() {
        // Given
        twoStaticMembers();
        int groupEpoch = ctx.group().groupEpoch();

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("b1", -2).setInstanceId("b"));

        // Then
        assertThat(response).isEqualTo(new ConsumerGroupHeartbeatResponseData().setMemberId("b1").setMemberEpoch(-2));
        assertThat(ctx.lastRecords()).hasSize(1);
        assertThat(ctx.member("b1").memberEpoch()).isEqualTo(-2);
        assertThat(ctx.member("b1").assignedPartitions().size()).isEqualTo(1);
        assertThat(ctx.group().groupEpoch()).isEqualTo(groupEpoch);
    }

    @Test
    void replacementWithTheSameInstanceIdGetsThePartitionsBackWithoutAnEpochBump() {
        // Given
        twoStaticMembers();
        List<Integer> bPartitions = List.copyOf(ctx.member("b1").assignedPartitions().epochs().get(foo).keySet());
        ctx.heartbeat(heartbeat("b1", -2).setInstanceId("b"));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("b2", "foo").setInstanceId("b"));

        // Then
        assertThatErrorCode(response.errorCode()).isNone();
        assertThat(response.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(response)).isEqualTo(Map.of(foo, bPartitions));
        assertThat(ctx.lastRecords()).startsWith(
            Records.consumerCurrentAssignmentTombstone(GROUP, "b1"),
            Records.consumerTargetAssignmentTombstone(GROUP, "b1"),
            Records.consumerMemberTombstone(GROUP, "b1"));
        assertThat(ctx.group().members()).containsOnlyKeys("a1", "b2");
        assertThat(ctx.group().groupEpoch()).isEqualTo(3);
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.STABLE);
    }

    @Test
    void anotherLiveMemberClaimingTheInstanceIdIsRejected() {
        // Given
        twoStaticMembers();

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("b2", "foo").setInstanceId("b"));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.UNRELEASED_INSTANCE_ID);
        assertThat(ctx.lastRecords()).isEmpty();
    }

    @Test
    void sameMemberRejoiningWithItsInstanceIdKeepsItsAssignment() {
        // Given (Handoff decision 2: Kafka 4.4 would answer UNRELEASED_INSTANCE_ID)
        twoStaticMembers();

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("b1", "foo").setInstanceId("b"));

        // Then
        assertThatErrorCode(response.errorCode()).isNone();
        assertThat(response.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(response).get(foo)).hasSize(1);
    }

    @Test
    void heartbeatWithAnInstanceIdOfAnotherMemberIsFenced() {
        // Given
        twoStaticMembers();

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("a1", 3).setInstanceId("b"));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void staticMemberAwayLongerThanItsSessionIsRemoved() {
        // Given
        twoStaticMembers();
        ctx.heartbeat(heartbeat("b1", -2).setInstanceId("b"));
        ctx.sleep(SESSION_TIMEOUT_MS - 1);
        ctx.heartbeat(heartbeat("a1", 3).setInstanceId("a"));

        // When
        ctx.sleep(1);

        // Then
        assertThat(ctx.lastRecords()).contains(Records.consumerMemberTombstone(GROUP, "b1"));
        assertThat(ctx.group().staticMemberId("b")).isEmpty();
    }

    @Test
    void staticMemberLeavingForGoodIsRemoved() {
        // Given
        twoStaticMembers();

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("b1", -1).setInstanceId("b"));

        // Then
        assertThat(response.memberEpoch()).isEqualTo(-1);
        assertThat(ctx.group().members()).containsOnlyKeys("a1");
        assertThat(ctx.group().groupEpoch()).isEqualTo(4);
    }
}
