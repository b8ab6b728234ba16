package dev.handoff.coordinator.offsets;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.assignment;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.context;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.joinRequest;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.syncRequest;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorTestContext;
import dev.handoff.coordinator.record.OffsetCommitValue;
import dev.handoff.coordinator.record.Records;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class OffsetManagerTest {

    private static final String GROUP = "billing";
    private static final long RETENTION_MS = 7L * 24 * 60 * 60 * 1000;
    private static final long CHECK_INTERVAL_MS = 600_000L;
    private static final int MAX_SESSION_TIMEOUT_MS = 1_800_000;

    private final GroupCoordinatorTestContext ctx = GroupCoordinatorTestContext.create();

    @Test
    void assignConsumerCommitsWithoutAGroupAndCreatesASimpleGroup() {
        // When
        OffsetCommitResponseData response = commit(-1, "", "payments", 0, 42L, "");

        // Then
        assertThatErrorCode(errorOf(response)).isNone();
        assertThat(ctx.lastRecords()).containsExactly(Records.offsetCommit(GROUP, "payments", 0,
            new OffsetCommitValue(42L, -1, "", ctx.clock.nowMs(), -1L)));
        assertThat(ctx.shard().group(GROUP)).hasValueSatisfying(group -> {
            assertThat(group.stateName()).isEqualTo("Empty");
            assertThat(group.protocolTypeOrEmpty()).isEmpty();
        });
    }

    @Test
    void commitWithAGenerationForAMissingGroupFailsByVersion() {
        // When
        short v9 = errorOf(commit((short) 9, 3, "member", "payments", 0, 1L, ""));
        short v8 = errorOf(commit((short) 8, 3, "member", "payments", 0, 1L, ""));

        // Then
        assertThatErrorCode(v9).is(Errors.GROUP_ID_NOT_FOUND);
        assertThatErrorCode(v8).is(Errors.ILLEGAL_GENERATION);
        assertThat(ctx.shard().group(GROUP)).isEmpty();
    }

    @Test
    void validatesMembershipAndGenerationOfClassicGroupCommits() {
        // Given
        String member = stableSingleMemberGroup();

        // When
        short stale = errorOf(commit(0, member, "payments", 0, 1L, ""));
        short stranger = errorOf(commit(1, "stranger", "payments", 0, 1L, ""));
        short anonymous = errorOf(commit(-1, "", "payments", 0, 1L, ""));
        short valid = errorOf(commit(1, member, "payments", 0, 1L, ""));

        // Then
        assertThatErrorCode(stale).is(Errors.ILLEGAL_GENERATION);
        assertThatErrorCode(stranger).is(Errors.UNKNOWN_MEMBER_ID);
        assertThatErrorCode(anonymous).is(Errors.UNKNOWN_MEMBER_ID);
        assertThatErrorCode(valid).isNone();
    }

    @Test
    void rejectsCommitsWhileTheGroupCompletesARebalance() {
        // Given
        String member = ctx.joinDynamicMember(GROUP, List.of("payments"));
        ctx.sleep(3_000);

        // When
        short error = errorOf(commit(1, member, "payments", 0, 1L, ""));

        // Then
        assertThatErrorCode(error).is(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void rejectsOnlyThePartitionsWhoseMetadataIsTooLarge() {
        // Given
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(GROUP)
            .setGenerationIdOrMemberEpoch(-1).setMemberId("")
            .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("payments")
                .setPartitions(List.of(
                    partition(0, 10L, "x".repeat(4_097)),
                    partition(1, 11L, "x".repeat(4_096))))));

        // When
        OffsetCommitResponseData response = ctx.run((s, nowMs) -> s.commitOffsets(context(9), request, nowMs))
            .response();

        // Then
        assertThat(response.topics().get(0).partitions()).extracting(p -> Errors.forCode(p.errorCode()))
            .containsExactly(Errors.OFFSET_METADATA_TOO_LARGE, Errors.NONE);
        assertThat(ctx.lastRecords()).hasSize(1);
    }

    @Test
    void fetchesAllCommittedPartitionsWhenTopicsAreNull() {
        // Given
        commit(-1, "", "payments", 0, 10L, "a");
        commit(-1, "", "refunds", 2, 20L, "b");

        // When
        OffsetFetchResponseData.OffsetFetchResponseGroup fetched = fetch(null);

        // Then
        assertThat(fetched.topics()).extracting(OffsetFetchResponseData.OffsetFetchResponseTopics::name)
            .containsExactly("payments", "refunds");
        assertThat(fetched.topics().get(1).partitions().get(0).committedOffset()).isEqualTo(20L);
        assertThat(fetched.topics().get(1).partitions().get(0).metadata()).isEqualTo("b");
    }

    @Test
    void fetchAnswersMinusOneForPartitionsWithoutCommits() {
        // Given
        commit(-1, "", "payments", 0, 10L, "");

        // When
        OffsetFetchResponseData.OffsetFetchResponseGroup fetched = fetch(List.of(
            new OffsetFetchRequestData.OffsetFetchRequestTopics().setName("payments").setPartitionIndexes(List.of(0, 1))));

        // Then
        assertThat(fetched.topics().get(0).partitions()).extracting(
                OffsetFetchResponseData.OffsetFetchResponsePartitions::committedOffset)
            .containsExactly(10L, -1L);
    }

    @Test
    void offsetDeleteRefusesTopicsTheGroupConsumes() {
        // Given
        String member = stableSingleMemberGroup();
        commit(1, member, "payments", 0, 5L, "");
        commit(1, member, "archive", 0, 6L, "");

        // When
        OffsetDeleteResponseData response = deleteOffsets("payments", "archive");

        // Then
        assertThat(response.topics()).extracting(t -> Errors.forCode(t.partitions().iterator().next().errorCode()))
            .containsExactly(Errors.GROUP_SUBSCRIBED_TO_TOPIC, Errors.NONE);
        assertThat(ctx.shard().offsets().committed(GROUP, "payments", 0)).isPresent();
        assertThat(ctx.shard().offsets().committed(GROUP, "archive", 0)).isEmpty();
    }

    @Test
    void offsetDeleteOfAMissingGroupIsGroupIdNotFound() {
        // When
        OffsetDeleteResponseData response = deleteOffsets("payments");

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.GROUP_ID_NOT_FOUND);
    }

    @Test
    void offsetsOfASimpleGroupExpireAfterRetentionAndTheGroupGoesWithThem() {
        // Given
        commit(-1, "", "payments", 0, 10L, "");

        // When
        ctx.sleep(RETENTION_MS + CHECK_INTERVAL_MS);

        // Then
        assertThat(ctx.shard().offsets().committed(GROUP, "payments", 0)).isEmpty();
        assertThat(ctx.shard().group(GROUP)).isEmpty();
    }

    @Test
    void offsetsOfTopicsAStableGroupConsumesNeverExpire() {
        // Given
        String member = stableSingleMemberGroup(MAX_SESSION_TIMEOUT_MS);
        commit(1, member, "payments", 0, 5L, "");
        commit(1, member, "archive", 0, 6L, "");

        // When
        for (long elapsed = 0; elapsed <= RETENTION_MS; elapsed += CHECK_INTERVAL_MS) {
            ctx.sleep(CHECK_INTERVAL_MS);
            ctx.heartbeat(GROUP, member, 1);
        }

        // Then
        assertThat(ctx.shard().offsets().committed(GROUP, "payments", 0)).isPresent();
        assertThat(ctx.shard().offsets().committed(GROUP, "archive", 0)).isEmpty();
    }

    @Test
    void deletingATopicDeletesItsOffsetsInEveryGroup() {
        // Given
        commit(-1, "", "payments", 0, 10L, "");
        commit(-1, "", "refunds", 0, 10L, "");

        // When
        ctx.run((s, nowMs) -> s.onTopicsDeleted(List.of("payments"), nowMs));

        // Then
        assertThat(ctx.lastRecords()).containsExactly(Records.offsetTombstone(GROUP, "payments", 0));
        assertThat(ctx.shard().offsets().committed(GROUP, "refunds", 0)).isPresent();
    }

    @Test
    void aRejectedJoinLeavesASimpleGroupAndItsOffsetsAlone() {
        // Given
        commit(-1, "", "payments", 0, 10L, "");

        // When
        ctx.joinGroup(joinRequest(GROUP, "", List.of("payments")).setProtocolType(""));

        // Then
        assertThat(ctx.shard().group(GROUP)).isPresent();
        assertThat(ctx.shard().offsets().committed(GROUP, "payments", 0)).isPresent();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private String stableSingleMemberGroup() {
        return stableSingleMemberGroup(GroupCoordinatorTestContext.SESSION_TIMEOUT_MS);
    }

    private String stableSingleMemberGroup(int sessionTimeoutMs) {
        String member = ctx.joinGroup(joinRequest(GROUP, "", List.of("payments"))).response().memberId();
        ctx.joinGroup(joinRequest(GROUP, member, List.of("payments")).setSessionTimeoutMs(sessionTimeoutMs));
        ctx.sleep(3_000);
        ctx.syncGroup(syncRequest(GROUP, member, 1, Map.of(member, assignment(new TopicPartition("payments", 0)))));
        return member;
    }

    private OffsetCommitResponseData commit(int generation, String memberId, String topic, int partition, long offset,
                                            String metadata) {
        return commit((short) 9, generation, memberId, topic, partition, offset, metadata);
    }

    private OffsetCommitResponseData commit(short version, int generation, String memberId, String topic,
                                            int partition, long offset, String metadata) {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(GROUP)
            .setGenerationIdOrMemberEpoch(generation).setMemberId(memberId)
            .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName(topic)
                .setPartitions(List.of(partition(partition, offset, metadata)))));
        return ctx.run((s, nowMs) -> s.commitOffsets(context(version), request, nowMs)).response();
    }

    private static OffsetCommitRequestData.OffsetCommitRequestPartition partition(int index, long offset,
                                                                                  String metadata) {
        return new OffsetCommitRequestData.OffsetCommitRequestPartition()
            .setPartitionIndex(index).setCommittedOffset(offset).setCommittedMetadata(metadata);
    }

    private static short errorOf(OffsetCommitResponseData response) {
        return response.topics().get(0).partitions().get(0).errorCode();
    }

    private OffsetFetchResponseData.OffsetFetchResponseGroup fetch(
        List<OffsetFetchRequestData.OffsetFetchRequestTopics> topics) {
        OffsetFetchRequestData request = new OffsetFetchRequestData().setGroups(List.of(
            new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(GROUP).setTopics(topics)));
        return ctx.run((s, nowMs) -> s.fetchOffsets(request, nowMs)).response().groups().get(0);
    }

    private OffsetDeleteResponseData deleteOffsets(String... topics) {
        OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection collection =
            new OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection();
        for (String topic : topics) {
            collection.add(new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName(topic)
                .setPartitions(List.of(new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0))));
        }
        OffsetDeleteRequestData request = new OffsetDeleteRequestData().setGroupId(GROUP).setTopics(collection);
        return ctx.run((s, nowMs) -> s.deleteOffsets(request, nowMs)).response();
    }
}
