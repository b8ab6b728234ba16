package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class SimulatedMemberTest {

    private static final Uuid TOPIC_ID = Uuid.fromString("AAAAAAAAAAAAAAAAAAAAAQ");
    private static final String MEMBER_ID = "m-1";

    private final SimulatedMember member = new SimulatedMember("group", MEMBER_ID, List.of("orders"), 300_000);

    @Test
    void joinsAtEpochZeroWithSubscriptionRebalanceTimeoutAndNoOwnedPartitions() {
        // When
        ConsumerGroupHeartbeatRequestData join = member.nextRequest();

        // Then
        assertThat(join.groupId()).isEqualTo("group");
        assertThat(join.memberId()).isEqualTo(MEMBER_ID);
        assertThat(join.memberEpoch()).isZero();
        assertThat(join.subscribedTopicNames()).containsExactly("orders");
        assertThat(join.rebalanceTimeoutMs()).isEqualTo(300_000);
        assertThat(join.topicPartitions()).isEmpty();
    }

    @Test
    void acknowledgesANewAssignmentOnceInTheNextHeartbeat() {
        // Given
        member.nextRequest();
        member.onResponse(success(5, assignment(0, 1)));

        // When
        ConsumerGroupHeartbeatRequestData acknowledgement = member.nextRequest();
        member.onResponse(success(6, null));
        ConsumerGroupHeartbeatRequestData steady = member.nextRequest();

        // Then
        assertThat(acknowledgement.memberEpoch()).isEqualTo(5);
        assertThat(acknowledgement.topicPartitions()).singleElement()
                .satisfies(topic -> assertThat(topic.partitions()).containsExactly(0, 1));
        assertThat(steady.memberEpoch()).isEqualTo(6);
        assertThat(steady.topicPartitions()).isNull();
        assertThat(steady.subscribedTopicNames()).isNull();
        assertThat(steady.rebalanceTimeoutMs()).isEqualTo(-1);
    }

    @Test
    void rejoinsWithTheSameMemberIdAfterBeingFenced() {
        // Given
        member.nextRequest();
        member.onResponse(success(5, assignment(0)));
        member.nextRequest();

        // When
        SimulatedMember.Outcome outcome = member.onResponse(error(Errors.FENCED_MEMBER_EPOCH));

        // Then
        assertThat(outcome).isEqualTo(SimulatedMember.Outcome.FENCED);
        ConsumerGroupHeartbeatRequestData rejoin = member.nextRequest();
        assertThat(rejoin.memberEpoch()).isZero();
        assertThat(rejoin.memberId()).isEqualTo(MEMBER_ID);
        assertThat(rejoin.topicPartitions()).isEmpty();
    }

    @Test
    void retriesCoordinatorErrorsAndGivesUpOnOthers() {
        // Given
        member.nextRequest();

        // When
        SimulatedMember.Outcome loading = member.onResponse(error(Errors.COORDINATOR_LOAD_IN_PROGRESS));
        member.nextRequest();
        SimulatedMember.Outcome invalid = member.onResponse(error(Errors.INVALID_REQUEST));

        // Then
        assertThat(loading).isEqualTo(SimulatedMember.Outcome.RETRIABLE);
        assertThat(invalid).isEqualTo(SimulatedMember.Outcome.FAILED);
    }

    @Test
    void leavesWithEpochMinusOne() {
        // Given
        member.nextRequest();
        member.onResponse(success(3, null));
        member.leave();

        // When
        ConsumerGroupHeartbeatRequestData leave = member.nextRequest();
        SimulatedMember.Outcome outcome = member.onResponse(success(-1, null));

        // Then
        assertThat(leave.memberEpoch()).isEqualTo(-1);
        assertThat(outcome).isEqualTo(SimulatedMember.Outcome.LEFT);
    }

    @Test
    void takesTheMemberIdTheCoordinatorNamesInVersionZero() {
        // Given
        SimulatedMember unnamed = new SimulatedMember("group", "", List.of("orders"), 300_000);
        unnamed.nextRequest();

        // When
        unnamed.onResponse(success(1, null).setMemberId("named-by-coordinator"));

        // Then
        assertThat(unnamed.nextRequest().memberId()).isEqualTo("named-by-coordinator");
    }

    private static ConsumerGroupHeartbeatResponseData success(int epoch,
                                                             ConsumerGroupHeartbeatResponseData.Assignment assignment) {
        return new ConsumerGroupHeartbeatResponseData().setMemberEpoch(epoch).setHeartbeatIntervalMs(5_000)
                .setAssignment(assignment);
    }

    private static ConsumerGroupHeartbeatResponseData error(Errors error) {
        return new ConsumerGroupHeartbeatResponseData().setErrorCode(error.code());
    }

    private static ConsumerGroupHeartbeatResponseData.Assignment assignment(Integer... partitions) {
        return new ConsumerGroupHeartbeatResponseData.Assignment().setTopicPartitions(List.of(
                new ConsumerGroupHeartbeatResponseData.TopicPartitions().setTopicId(TOPIC_ID)
                        .setPartitions(List.of(partitions))));
    }
}
