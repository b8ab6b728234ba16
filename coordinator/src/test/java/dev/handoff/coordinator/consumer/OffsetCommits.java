package dev.handoff.coordinator.consumer;

import java.util.List;

import org.apache.kafka.common.message.OffsetCommitRequestData;

/** OffsetCommit requests for tests, in the shape the handler passes to the core (topics by name). */
final class OffsetCommits {

    private OffsetCommits() {
    }

    static OffsetCommitRequestData commit(String groupId, String memberId, int epoch, String topic, int partition,
                                          long offset) {
        return new OffsetCommitRequestData()
            .setGroupId(groupId)
            .setMemberId(memberId)
            .setGenerationIdOrMemberEpoch(epoch)
            .setTopics(List.of(new OffsetCommitRequestData.OffsetCommitRequestTopic()
                .setName(topic)
                .setPartitions(List.of(new OffsetCommitRequestData.OffsetCommitRequestPartition()
                    .setPartitionIndex(partition)
                    .setCommittedOffset(offset)))));
    }
}
