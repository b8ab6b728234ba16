package dev.handoff.coordinator;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.assignment;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.context;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.syncRequest;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.record.Records;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/** ListGroups, DescribeGroups and DeleteGroups over the shard. */
class GroupAdminTest {

    private final GroupCoordinatorTestContext ctx = GroupCoordinatorTestContext.create();

    @Test
    void listsGroupsFilteredByStateAndTypeIgnoringCase() {
        // Given
        stableGroup("active");
        simpleGroupWithOffset("idle");

        // When
        ListGroupsResponseData stable = list(List.of("STABLE"), List.of());
        ListGroupsResponseData classic = list(List.of(), List.of("classic"));
        ListGroupsResponseData consumer = list(List.of(), List.of("consumer"));

        // Then
        assertThat(stable.groups()).extracting(ListGroupsResponseData.ListedGroup::groupId).containsExactly("active");
        assertThat(classic.groups()).extracting(ListGroupsResponseData.ListedGroup::groupId)
            .containsExactly("active", "idle");
        assertThat(classic.groups()).extracting(ListGroupsResponseData.ListedGroup::protocolType)
            .containsExactly("consumer", "");
        assertThat(consumer.groups()).isEmpty();
    }

    @Test
    void describesAStableGroupWithMetadataAndAssignments() {
        // Given
        String member = stableGroup("active");

        // When
        DescribeGroupsResponseData.DescribedGroup described = ctx.describe("active");

        // Then
        assertThat(described.groupState()).isEqualTo("Stable");
        assertThat(described.protocolType()).isEqualTo("consumer");
        assertThat(described.protocolData()).isEqualTo("range");
        assertThat(described.members()).singleElement().satisfies(m -> {
            assertThat(m.memberId()).isEqualTo(member);
            assertThat(m.clientId()).isEqualTo(GroupCoordinatorTestContext.CLIENT_ID);
            assertThat(m.memberAssignment()).isEqualTo(assignment(new TopicPartition("payments", 0)));
        });
    }

    @Test
    void describingAnUnknownGroupIsGroupIdNotFoundFromVersion6() {
        // When
        DescribeGroupsResponseData v6 = ctx.run((s, nowMs) -> s.describeGroups(context(6), List.of("nope"), nowMs))
            .response();
        DescribeGroupsResponseData v5 = ctx.run((s, nowMs) -> s.describeGroups(context(5), List.of("nope"), nowMs))
            .response();

        // Then
        assertThatErrorCode(v6.groups().get(0).errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
        assertThatErrorCode(v5.groups().get(0).errorCode()).isNone();
        assertThat(v5.groups().get(0).groupState()).isEqualTo("Dead");
    }

    @Test
    void deletesOnlyEmptyGroupsTogetherWithTheirOffsets() {
        // Given
        stableGroup("active");
        simpleGroupWithOffset("idle");

        // When
        DeleteGroupsResponseData response = ctx.run((s, nowMs) -> s.deleteGroups(List.of("active", "idle", "nope"),
            nowMs)).response();

        // Then
        assertThat(response.results()).extracting(r -> Errors.forCode(r.errorCode()))
            .containsExactly(Errors.NON_EMPTY_GROUP, Errors.NONE, Errors.GROUP_ID_NOT_FOUND);
        assertThat(ctx.lastRecords()).containsExactly(Records.offsetTombstone("idle", "payments", 0),
            Records.classicGroupTombstone("idle"));
        assertThat(ctx.shard().group("idle")).isEmpty();
        assertThat(ctx.shard().offsets().hasOffsets("idle")).isFalse();
    }

    private String stableGroup(String groupId) {
        String member = ctx.joinDynamicMember(groupId, List.of("payments"));
        ctx.sleep(3_000);
        ctx.syncGroup(syncRequest(groupId, member, 1, Map.of(member, assignment(new TopicPartition("payments", 0)))));
        return member;
    }

    private void simpleGroupWithOffset(String groupId) {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(groupId)
            .setGenerationIdOrMemberEpoch(-1).setMemberId("")
            .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("payments")
                .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                    .setPartitionIndex(0).setCommittedOffset(1L)))));
        ctx.run((s, nowMs) -> s.commitOffsets(context(9), request, nowMs));
    }

    private ListGroupsResponseData list(List<String> states, List<String> types) {
        ListGroupsRequestData request = new ListGroupsRequestData().setStatesFilter(states).setTypesFilter(types);
        return ctx.run((s, nowMs) -> s.listGroups(request, nowMs)).response();
    }
}
