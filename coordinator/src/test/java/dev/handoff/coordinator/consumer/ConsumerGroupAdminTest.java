package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.CLIENT_HOST;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.CLIENT_ID;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.GROUP;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.ack;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.assignmentOf;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.context;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.heartbeat;
import static dev.handoff.coordinator.consumer.ConsumerGroupTestContext.join;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class ConsumerGroupAdminTest {

    private final ConsumerGroupTestContext ctx = ConsumerGroupTestContext.create();

    @Test
    void describeShowsEpochsMembersAndBothAssignments() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo").setRackId("r1").setInstanceId("i1"));

        // When
        ConsumerGroupDescribeResponseData.DescribedGroup described = ctx.describe(GROUP);

        // Then
        ConsumerGroupDescribeResponseData.Assignment both = new ConsumerGroupDescribeResponseData.Assignment()
            .setTopicPartitions(List.of(new ConsumerGroupDescribeResponseData.TopicPartitions()
                .setTopicId(foo).setTopicName("foo").setPartitions(List.of(0, 1))));
        assertThat(described).isEqualTo(new ConsumerGroupDescribeResponseData.DescribedGroup()
            .setGroupId(GROUP)
            .setGroupState("Stable")
            .setGroupEpoch(2)
            .setAssignmentEpoch(2)
            .setAssignorName("uniform")
            .setMembers(List.of(new ConsumerGroupDescribeResponseData.Member()
                .setMemberId("m1")
                .setInstanceId("i1")
                .setRackId("r1")
                .setMemberEpoch(2)
                .setClientId(CLIENT_ID)
                .setClientHost(CLIENT_HOST)
                .setSubscribedTopicNames(List.of("foo"))
                .setAssignment(both)
                .setTargetAssignment(both.duplicate())
                .setMemberType((byte) 1))));
    }

    @Test
    void describeOfAnUnknownGroupIsGroupIdNotFound() {
        // When
        ConsumerGroupDescribeResponseData.DescribedGroup described = ctx.describe("nope");

        // Then
        assertThatErrorCode(described.errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void listGroupsReportsConsumerGroupsWithTheirTypeAndState() {
        // Given
        ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo"));
        ctx.heartbeat(join("m2", "foo"));

        // When
        ListGroupsResponseData listed = ctx.run((s, nowMs) -> s.listGroups(new ListGroupsRequestData()
            .setTypesFilter(List.of("Consumer")).setStatesFilter(List.of("reconciling")), nowMs)).response();

        // Then
        assertThat(listed.groups()).singleElement().satisfies(group -> {
            assertThat(group.groupId()).isEqualTo(GROUP);
            assertThat(group.protocolType()).isEqualTo("consumer");
            assertThat(group.groupState()).isEqualTo("Reconciling");
            assertThat(group.groupType()).isEqualToIgnoringCase("consumer");
        });
    }

    @Test
    void classicDescribeGroupsDoesNotSeeConsumerGroups() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        DescribeGroupsResponseData v6 = ctx.run((s, nowMs) -> s.describeGroups(context(6), List.of(GROUP), nowMs))
            .response();
        DescribeGroupsResponseData v5 = ctx.run((s, nowMs) -> s.describeGroups(context(5), List.of(GROUP), nowMs))
            .response();

        // Then
        assertThatErrorCode(v6.groups().get(0).errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
        assertThatErrorCode(v5.groups().get(0).errorCode()).isNone();
        assertThat(v5.groups().get(0).groupState()).isEqualTo("Dead");
    }

    @Test
    void onlyEmptyConsumerGroupsCanBeDeletedAndTheirOffsetsGoWithThem() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));
        commit(9, "m1", 2, "foo", 0);
        DeleteGroupsResponseData.DeletableGroupResult nonEmpty = delete();
        ctx.heartbeat(ConsumerGroupTestContext.leave("m1"));

        // When
        DeleteGroupsResponseData.DeletableGroupResult deleted = delete();

        // Then
        assertThatErrorCode(nonEmpty.errorCode()).is(Errors.NON_EMPTY_GROUP);
        assertThatErrorCode(deleted.errorCode()).isNone();
        assertThat(ctx.shard().group(GROUP)).isEmpty();
        assertThat(ctx.shard().offsets().hasOffsets(GROUP)).isFalse();
    }

    @Test
    void offsetCommitsAreCheckedAgainstTheMemberEpoch() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        Errors current = commit(9, "m1", 2, "foo", 0);
        Errors ahead = commit(9, "m1", 3, "foo", 0);
        Errors oldVersion = commit(8, "m1", 2, "foo", 0);
        Errors stranger = commit(9, "ghost", 2, "foo", 0);
        Errors adminWhileActive = commit(9, "", -1, "foo", 0);

        // Then
        assertThat(List.of(current, ahead, oldVersion, stranger, adminWhileActive)).containsExactly(Errors.NONE,
            Errors.STALE_MEMBER_EPOCH, Errors.UNSUPPORTED_VERSION, Errors.UNKNOWN_MEMBER_ID, Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void olderEpochCommitsAreAcceptedOnlyForPartitionsHeldSinceThatEpoch() {
        // Given (KIP-1251)
        Uuid foo = ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo", "bar"));
        Uuid bar = ctx.createTopic("bar", 1);
        ConsumerGroupHeartbeatResponseData moved = ctx.heartbeat(heartbeat("m1", 2));
        assertThat(moved.memberEpoch()).isEqualTo(3);
        assertThat(assignmentOf(moved)).isEqualTo(Map.of(foo, List.of(0), bar, List.of(0)));

        // When
        Errors heldSinceEpoch2 = commit(9, "m1", 2, "foo", 0);
        Errors givenAtEpoch3 = commit(9, "m1", 2, "bar", 0);
        OffsetCommitResponseData both = ctx.run((s, nowMs) -> s.commitOffsets(context(9), new OffsetCommitRequestData()
            .setGroupId(GROUP).setMemberId("m1").setGenerationIdOrMemberEpoch(2)
            .setTopics(List.of(topic("foo"), topic("bar"))), nowMs)).response();

        // Then
        assertThat(heldSinceEpoch2).isEqualTo(Errors.NONE);
        assertThat(givenAtEpoch3).isEqualTo(Errors.STALE_MEMBER_EPOCH);
        assertThat(both.topics()).allSatisfy(t -> assertThatErrorCode(t.partitions().get(0).errorCode())
            .is(Errors.STALE_MEMBER_EPOCH));
    }

    @Test
    void offsetFetchFromAMemberNeedsItsExactEpoch() {
        // Given
        ctx.createTopic("foo", 1);
        ctx.heartbeat(join("m1", "foo"));

        // When
        Errors exact = fetch("m1", 2);
        Errors stale = fetch("m1", 1);
        Errors admin = fetch(null, -1);

        // Then
        assertThat(List.of(exact, stale, admin)).containsExactly(Errors.NONE, Errors.STALE_MEMBER_EPOCH, Errors.NONE);
    }

    @Test
    void restartRestoresTheGroupExactlyAndItCarriesOnFromThere() {
        // Given
        Uuid foo = ctx.createTopic("foo", 2);
        ctx.heartbeat(join("m1", "foo").setInstanceId("i1"));
        ctx.heartbeat(join("m2", "foo"));
        List<Integer> kept = assignmentOf(ctx.heartbeat(heartbeat("m1", 2).setInstanceId("i1"))).get(foo);
        ConsumerGroupDescribeResponseData.DescribedGroup before = ctx.describe(GROUP);

        // When
        ctx.restart();

        // Then
        assertThat(ctx.describe(GROUP)).isEqualTo(before);
        assertThat(ctx.member("m1").state()).isEqualTo(MemberState.UNREVOKED_PARTITIONS);
        ctx.heartbeat(ack("m1", 2, Map.of(foo, kept)).setInstanceId("i1"));
        ConsumerGroupHeartbeatResponseData m2 = ctx.heartbeat(heartbeat("m2", 3));
        assertThat(assignmentOf(m2).get(foo)).hasSize(1).doesNotContainAnyElementsOf(kept);
        assertThat(ctx.group().state()).isEqualTo(ConsumerGroupState.STABLE);
    }

    private Errors commit(int version, String memberId, int epoch, String topic, int partition) {
        OffsetCommitResponseData response = ctx.run((s, nowMs) -> s.commitOffsets(context(version),
            OffsetCommits.commit(GROUP, memberId, epoch, topic, partition, 42L), nowMs)).response();
        return Errors.forCode(response.topics().get(0).partitions().get(0).errorCode());
    }

    private static OffsetCommitRequestData.OffsetCommitRequestTopic topic(String name) {
        return new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(name).setPartitions(List.of(
            new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(1L)));
    }

    private Errors fetch(String memberId, int epoch) {
        OffsetFetchResponseData response = ctx.run((s, nowMs) -> s.fetchOffsets(new OffsetFetchRequestData()
            .setGroups(List.of(new OffsetFetchRequestData.OffsetFetchRequestGroup()
                .setGroupId(GROUP).setMemberId(memberId).setMemberEpoch(epoch).setTopics(null))), nowMs)).response();
        return Errors.forCode(response.groups().get(0).errorCode());
    }

    private DeleteGroupsResponseData.DeletableGroupResult delete() {
        return ctx.run((s, nowMs) -> s.deleteGroups(List.of(GROUP), nowMs)).response().results().find(GROUP);
    }
}
