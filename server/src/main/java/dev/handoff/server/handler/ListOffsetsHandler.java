package dev.handoff.server.handler;

import dev.handoff.log.PartitionLog;
import dev.handoff.log.TimestampAndOffset;
import dev.handoff.server.metadata.TopicService;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.requests.ListOffsetsRequest;

/**
 * ListOffsets v1-11. Special timestamps: -1 latest (the high watermark, which is also the last stable offset
 * here), -2 earliest, -3 the record with the largest timestamp (v7+), -4 earliest local = earliest (v8+),
 * -5 latest tiered and -6 earliest pending upload (v9+/v11) answer offset -1 as Kafka does without remote
 * storage. Any other timestamp finds the first offset at or after it, or -1 if there is none. A partition named
 * more than once in one request gets INVALID_REQUEST each time, as Kafka's broker answers (clients key the
 * answers by partition, so separate answers to one partition could not be told apart).
 */
final class ListOffsetsHandler implements ApiHandler<ListOffsetsRequestData, ListOffsetsResponseData> {

    private final TopicService topics;

    ListOffsetsHandler(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_OFFSETS;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 11;
    }

    @Override
    public CompletionStage<ListOffsetsResponseData> handle(RequestContext context, ListOffsetsRequestData request) {
        ListOffsetsResponseData response = new ListOffsetsResponseData();
        Set<TopicPartition> duplicates = duplicatePartitions(request);
        for (ListOffsetsTopic topic : request.topics()) {
            ListOffsetsTopicResponse topicResponse = new ListOffsetsTopicResponse().setName(topic.name());
            for (ListOffsetsPartition partition : topic.partitions()) {
                boolean duplicate = !duplicates.isEmpty()
                        && duplicates.contains(new TopicPartition(topic.name(), partition.partitionIndex()));
                topicResponse.partitions().add(duplicate
                        ? new ListOffsetsPartitionResponse().setPartitionIndex(partition.partitionIndex())
                                .setErrorCode(Errors.INVALID_REQUEST.code())
                        : lookup(topic.name(), partition, context.apiVersion()));
            }
            response.topics().add(topicResponse);
        }
        return CompletableFuture.completedFuture(response);
    }

    private static Set<TopicPartition> duplicatePartitions(ListOffsetsRequestData request) {
        Set<TopicPartition> seen = new HashSet<>();
        Set<TopicPartition> duplicates = new HashSet<>();
        for (ListOffsetsTopic topic : request.topics()) {
            for (ListOffsetsPartition partition : topic.partitions()) {
                TopicPartition topicPartition = new TopicPartition(topic.name(), partition.partitionIndex());
                if (!seen.add(topicPartition)) {
                    duplicates.add(topicPartition);
                }
            }
        }
        return duplicates;
    }

    private ListOffsetsPartitionResponse lookup(String topic, ListOffsetsPartition partition, short version) {
        ListOffsetsPartitionResponse result = new ListOffsetsPartitionResponse()
                .setPartitionIndex(partition.partitionIndex());
        Errors epochError = SingleNode.checkLeaderEpoch(partition.currentLeaderEpoch());
        if (epochError != Errors.NONE) {
            return result.setErrorCode(epochError.code());
        }
        Optional<PartitionLog> log = topics.partition(topic, partition.partitionIndex());
        if (log.isEmpty()) {
            return result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        }
        Optional<TimestampAndOffset> found = find(log.get(), partition.timestamp());
        if (found.isEmpty()) {
            return result.setTimestamp(RecordBatch.NO_TIMESTAMP).setOffset(-1);
        }
        result.setTimestamp(found.get().timestampMs()).setOffset(found.get().offset());
        // LeaderEpoch exists from v4 only and is not ignorable, so older responses must keep the default.
        if (version >= 4) {
            result.setLeaderEpoch(SingleNode.LEADER_EPOCH);
        }
        return result;
    }

    private static Optional<TimestampAndOffset> find(PartitionLog log, long timestamp) {
        if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
            return Optional.of(new TimestampAndOffset(RecordBatch.NO_TIMESTAMP, log.highWatermark()));
        }
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP
                || timestamp == ListOffsetsRequest.EARLIEST_LOCAL_TIMESTAMP) {
            return Optional.of(new TimestampAndOffset(RecordBatch.NO_TIMESTAMP, log.logStartOffset()));
        }
        if (timestamp == ListOffsetsRequest.MAX_TIMESTAMP) {
            return log.maxTimestampAndOffset();
        }
        if (timestamp < 0) {
            return Optional.empty();
        }
        return log.offsetForTimestamp(timestamp);
    }
}
