package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * OffsetCommit v2-10. As Kafka's broker does before asking its coordinator: v10 topic ids are resolved to names
 * (KIP-848; an unknown id gets UNKNOWN_TOPIC_ID), and partitions of unknown topics, or beyond a topic's partition
 * count, get UNKNOWN_TOPIC_OR_PARTITION. Only the rest reaches the coordinator; if nothing is left it is not asked.
 */
final class OffsetCommitHandler implements ApiHandler<OffsetCommitRequestData, OffsetCommitResponseData> {

    private static final short FIRST_VERSION_WITH_TOPIC_IDS = 10;

    private final GroupCoordinatorService coordinator;
    private final TopicService topics;

    OffsetCommitHandler(GroupCoordinatorService coordinator, TopicService topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 10;
    }

    @Override
    public CompletionStage<OffsetCommitResponseData> handle(RequestContext context, OffsetCommitRequestData request) {
        boolean byId = context.apiVersion() >= FIRST_VERSION_WITH_TOPIC_IDS;
        OffsetCommitResponseData rejected = new OffsetCommitResponseData();
        OffsetCommitRequestData accepted = request.duplicate().setTopics(new ArrayList<>());
        for (OffsetCommitRequestTopic topic : request.topics()) {
            Optional<TopicMetadata> known = byId ? topics.topic(topic.topicId()) : topics.topic(topic.name());
            if (known.isEmpty()) {
                reject(rejected, topic, byId ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION);
                continue;
            }
            OffsetCommitRequestTopic kept = new OffsetCommitRequestTopic()
                    .setName(known.get().name())
                    .setTopicId(topic.topicId());
            OffsetCommitRequestTopic unknownPartitions = new OffsetCommitRequestTopic()
                    .setName(topic.name())
                    .setTopicId(topic.topicId());
            for (OffsetCommitRequestPartition partition : topic.partitions()) {
                boolean exists = partition.partitionIndex() >= 0
                        && partition.partitionIndex() < known.get().partitions();
                (exists ? kept : unknownPartitions).partitions().add(partition);
            }
            if (!kept.partitions().isEmpty()) {
                accepted.topics().add(kept);
            }
            if (!unknownPartitions.partitions().isEmpty()) {
                reject(rejected, unknownPartitions, Errors.UNKNOWN_TOPIC_OR_PARTITION);
            }
        }
        if (accepted.topics().isEmpty()) {
            return CompletableFuture.completedFuture(rejected);
        }
        return coordinator.submit("offset-commit",
                (shard, nowMs) -> shard.commitOffsets(CoordinatorContexts.of(context), accepted, nowMs))
                .thenApply(response -> {
                    response.topics().addAll(rejected.topics());
                    return response;
                });
    }

    private static void reject(OffsetCommitResponseData response, OffsetCommitRequestTopic topic, Errors error) {
        OffsetCommitResponseTopic result = new OffsetCommitResponseTopic()
                .setName(topic.name())
                .setTopicId(topic.topicId());
        topic.partitions().forEach(partition -> result.partitions().add(new OffsetCommitResponsePartition()
                .setPartitionIndex(partition.partitionIndex())
                .setErrorCode(error.code())));
        response.topics().add(result);
    }
}
