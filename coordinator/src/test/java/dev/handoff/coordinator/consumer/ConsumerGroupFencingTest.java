package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.GROUP;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.leave;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.handoff.coordinator.GroupCoordinatorConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConsumerGroupFencingTest {

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
            Arguments.of("empty member id on v1", join("", "foo"), Errors.INVALID_REQUEST),
            Arguments.of("empty group id", join("m1", "foo").setGroupId(""), Errors.INVALID_REQUEST),
            Arguments.of("empty instance id", join("m1", "foo").setInstanceId(""), Errors.INVALID_REQUEST),
            Arguments.of("empty rack id", join("m1", "foo").setRackId(""), Errors.INVALID_REQUEST),
            Arguments.of("join without rebalance timeout", join("m1", "foo").setRebalanceTimeoutMs(-1),
                Errors.INVALID_REQUEST),
            Arguments.of("join without owned partitions", join("m1", "foo").setTopicPartitions(null),
                Errors.INVALID_REQUEST),
            Arguments.of("join owning partitions", join("m1", "foo").setTopicPartitions(List.of(
                new ConsumerGroupHeartbeatRequestData.TopicPartitions().setTopicId(Uuid.ONE_UUID)
                    .setPartitions(List.of(0)))), Errors.INVALID_REQUEST),
            Arguments.of("join without subscription", join("m1").setSubscribedTopicNames(null),
                Errors.INVALID_REQUEST),
            Arguments.of("static leave without instance id", heartbeat("m1", -2), Errors.INVALID_REQUEST),
            Arguments.of("epoch below -2", heartbeat("m1", -3), Errors.INVALID_REQUEST),
            Arguments.of("unknown server assignor", join("m1", "foo").setServerAssignor("sticky"),
                Errors.UNSUPPORTED_ASSIGNOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void rejectsInvalidRequestsWithoutChangingAnything(String description, ConsumerGroupHeartbeatRequestData request,
                                                       Errors expected) {
        // Given
        ctx.createTopic("foo", 1);

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(request);

        // Then
        assertThatErrorCode(response.errorCode()).is(expected);
        assertThat(ctx.lastRecords()).isEmpty();
        assertThat(ctx.shard().group(GROUP)).isEmpty();
    }

    @Test
    void higherEpochThanKnownIsFenced() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("m1", 3));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.FENCED_MEMBER_EPOCH);
        assertThat(ctx.lastRecords()).isEmpty();
        assertThat(ctx.group().members()).containsKey("m1");
    }

    @Test
    void olderEpochWithoutOwnedPartitionsIsFenced() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));
        List<Integer> kept = ConsumerGroupTestContext.assignmentOf(ctx.heartbeat(heartbeat("m1", 2))).get(foo);
        ctx.heartbeat(ConsumerGroupTestContext.ack("m1", 2, Map.of(foo, kept)));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("m1", 2));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.FENCED_MEMBER_EPOCH);
    }

    @Test
    void unknownMemberIsRejected() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData heartbeat = ctx.heartbeat(heartbeat("ghost", 2));
        ConsumerGroupHeartbeatResponseData leave = ctx.heartbeat(leave("ghost"));

        // Then
        assertThatErrorCode(heartbeat.errorCode()).is(Errors.UNKNOWN_MEMBER_ID);
        assertThatErrorCode(leave.errorCode()).is(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void heartbeatToAMissingGroupIsGroupIdNotFound() {
        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(heartbeat("m1", 5));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void nonEmptyClassicGroupIsNotTakenOver() {
        // Given
        JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
            new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName("range").setMetadata(new byte[0]));
        ctx.run((s, nowMs) -> s.joinGroup(ConsumerGroupTestContext.context(3), new JoinGroupRequestData()
            .setGroupId(GROUP).setMemberId("").setProtocolType("consumer").setSessionTimeoutMs(45_000)
            .setRebalanceTimeoutMs(60_000).setProtocols(protocols), nowMs));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("m1", "foo"));

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void emptySimpleGroupIsConvertedByAJoinAndKeepsItsOffsets() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.run((s, nowMs) -> s.commitOffsets(ConsumerGroupTestContext.context(9), OffsetCommits.commit(GROUP,
            "", -1, "foo", 0, 42L), nowMs));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.heartbeat(join("m1", "foo"));

        // Then
        assertThatErrorCode(response.errorCode()).isNone();
        assertThat(ctx.shard().group(GROUP)).containsInstanceOf(ConsumerGroup.class);
        assertThat(ctx.shard().offsets().committed(GROUP, "foo", 0)).isPresent();
    }

    @Test
    void groupAtMaxSizeRejectsNewMembersButNotKnownOnes() {
        // Given
        ConsumerGroupTestContext small = ConsumerGroupTestContext.create(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_MAX_SIZE, "1"));
        small.createTopic("foo", 1);
        small.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData second = small.heartbeat(join("m2", "foo"));
        ConsumerGroupHeartbeatResponseData known = small.heartbeat(heartbeat("m1", 2));

        // Then
        assertThatErrorCode(second.errorCode()).is(Errors.GROUP_MAX_SIZE_REACHED);
        assertThatErrorCode(known.errorCode()).isNone();
    }

    @Test
    void memberCanSelectAConfiguredAssignorAndTheMajorityWins() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        assertThat(ctx.describe(GROUP).assignorName()).isEqualTo("uniform");

        // When
        ctx.heartbeat(heartbeat("m1", 2).setServerAssignor("range"));

        // Then
        assertThat(ctx.describe(GROUP).assignorName()).isEqualTo("range");
        assertThat(ctx.group().groupEpoch()).as("a new assignor bumps the group epoch").isEqualTo(3);
    }

    @Test
    void assignmentIntervalDelaysTheNextTargetUntilItElapsed() {
        // Given
        ConsumerGroupTestContext batched = ConsumerGroupTestContext.create(
            Map.of(GroupCoordinatorConfig.CONSUMER_GROUP_ASSIGNMENT_INTERVAL_MS, "1000"));
        batched.createTopic("foo", 2);
        batched.heartbeat(join("m1", "foo"));

        // When
        ConsumerGroupHeartbeatResponseData early = batched.heartbeat(join("m2", "foo"));
        batched.clock.advance(1_000);
        ConsumerGroupHeartbeatResponseData later = batched.heartbeat(heartbeat("m2", early.memberEpoch()));

        // Then
        assertThat(early.memberEpoch()).isEqualTo(2);
        assertThat(batched.group().assignmentEpoch()).isEqualTo(3);
        assertThat(later.memberEpoch()).isEqualTo(3);
    }
}
