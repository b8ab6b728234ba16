package dev.handoff.coordinator;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.assignment;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.context;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.joinRequest;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.syncRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.RecordSerde;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.junit.jupiter.api.Test;

/** The persisted state is exactly what the records say: replaying them into a fresh shard gives the same view. */
class ReplayTest {

    private static final String GROUP = "orders";
    private static final List<String> TOPICS = List.of("payments");

    private final GroupCoordinatorTestContext ctx = GroupCoordinatorTestContext.create();

    @Test
    void replayingTheLogIntoAFreshShardRebuildsGroupsAndOffsets() {
        // Given
        runScenario();

        // When
        GroupCoordinatorShard restarted = ctx.replayIntoFreshShard();

        // Then
        assertThat(describe(restarted, GROUP)).isEqualTo(describe(ctx.shard(), GROUP));
        assertThat(describe(restarted, "audit")).isEqualTo(describe(ctx.shard(), "audit"));
        assertThat(list(restarted)).isEqualTo(list(ctx.shard()));
        assertThat(fetchAll(restarted)).isEqualTo(fetchAll(ctx.shard()));
    }

    @Test
    void replayingSerializedRecordsGivesTheSameState() {
        // Given
        runScenario();
        RecordSerde serde = new RecordSerde();
        InMemoryCoordinatorLog<CoordinatorRecord> reread = new InMemoryCoordinatorLog<>();
        ctx.log.readAll(record -> {
            RecordSerde.Serialized bytes = serde.serialize(record);
            reread.append(List.of(serde.deserialize(bytes.key(), bytes.value()).orElseThrow()));
        });

        // When
        GroupCoordinatorShard restarted = new GroupCoordinatorShard(GroupCoordinatorConfig.defaults(), p -> p);
        reread.readAll(restarted::replay);

        // Then
        assertThat(describe(restarted, GROUP)).isEqualTo(describe(ctx.shard(), GROUP));
        assertThat(fetchAll(restarted)).isEqualTo(fetchAll(ctx.shard()));
    }

    /** Three members, a completed generation, commits, a static member, a departure and a second generation. */
    private void runScenario() {
        String a = ctx.joinDynamicMember(GROUP, TOPICS);
        String b = ctx.joinDynamicMember(GROUP, TOPICS);
        ctx.joinGroup(joinRequest(GROUP, "", TOPICS).setGroupInstanceId("static-c"));
        ctx.sleep(3_000);
        ctx.sleep(3_000);
        String c = ctx.takeJoinResponse(GROUP, a).orElseThrow().members().get(2).memberId();
        ctx.syncGroup(syncRequest(GROUP, a, 1, Map.of(
            a, assignment(new TopicPartition("payments", 0)),
            b, assignment(new TopicPartition("payments", 1)),
            c, assignment(new TopicPartition("payments", 2)))));
        commit(GROUP, 1, a, 0, 100L);
        commit("audit", -1, "", 0, 7L);
        ctx.leaveGroup(GROUP, new LeaveGroupRequestData.MemberIdentity().setMemberId(b));
        ctx.joinGroup(joinRequest(GROUP, a, TOPICS));
        ctx.joinGroup(joinRequest(GROUP, c, TOPICS).setGroupInstanceId("static-c"));
        ctx.syncGroup(syncRequest(GROUP, a, 2, Map.of(
            a, assignment(new TopicPartition("payments", 0), new TopicPartition("payments", 1)),
            c, assignment(new TopicPartition("payments", 2)))));
        commit(GROUP, 2, a, 1, 200L);
    }

    private void commit(String groupId, int generation, String memberId, int partition, long offset) {
        OffsetCommitRequestData request = new OffsetCommitRequestData().setGroupId(groupId)
            .setGenerationIdOrMemberEpoch(generation).setMemberId(memberId)
            .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("payments")
                .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                    .setPartitionIndex(partition).setCommittedOffset(offset)))));
        ctx.run((s, nowMs) -> s.commitOffsets(context(9), request, nowMs));
    }

    private static DescribeGroupsResponseData describe(GroupCoordinatorShard shard, String groupId) {
        return shard.describeGroups(context(6), List.of(groupId), 0L).response();
    }

    private static ListGroupsResponseData list(GroupCoordinatorShard shard) {
        return shard.listGroups(new ListGroupsRequestData(), 0L).response();
    }

    private static OffsetFetchResponseData fetchAll(GroupCoordinatorShard shard) {
        return shard.fetchOffsets(new OffsetFetchRequestData().setGroups(List.of(
            new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId(GROUP).setTopics(null),
            new OffsetFetchRequestData.OffsetFetchRequestGroup().setGroupId("audit").setTopics(null))), 0L).response();
    }
}
