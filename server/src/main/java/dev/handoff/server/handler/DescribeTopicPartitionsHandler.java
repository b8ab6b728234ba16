package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.Cursor;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponsePartition;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData.DescribeTopicPartitionsResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DescribeTopicPartitions v0 (KIP-966), which the 4.4 admin uses for describeTopics. Topics are answered in name
 * order; an empty topic list means all topics. At most ResponsePartitionLimit partitions (capped at 2000, as in
 * Kafka) are returned; NextCursor tells the client where to continue.
 */
final class DescribeTopicPartitionsHandler
        implements ApiHandler<DescribeTopicPartitionsRequestData, DescribeTopicPartitionsResponseData> {

    private static final int MAX_PARTITION_LIMIT = 2000;

    private final ClusterInfo cluster;
    private final TopicService topics;

    DescribeTopicPartitionsHandler(ClusterInfo cluster, TopicService topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_TOPIC_PARTITIONS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 0;
    }

    @Override
    public CompletionStage<DescribeTopicPartitionsResponseData> handle(RequestContext context,
                                                                       DescribeTopicPartitionsRequestData request) {
        TreeSet<String> names = new TreeSet<>();
        if (request.topics().isEmpty()) {
            topics.topics().forEach(t -> names.add(t.name()));
        } else {
            request.topics().stream().map(TopicRequest::name).forEach(names::add);
        }
        String firstTopic = request.cursor() == null ? null : request.cursor().topicName();
        int firstPartition = request.cursor() == null ? 0 : Math.max(0, request.cursor().partitionIndex());
        int budget = Math.max(1, Math.min(request.responsePartitionLimit(), MAX_PARTITION_LIMIT));
        DescribeTopicPartitionsResponseData response = new DescribeTopicPartitionsResponseData();
        for (String name : firstTopic == null ? names : names.tailSet(firstTopic, true)) {
            Optional<TopicMetadata> topic = topics.topic(name);
            if (topic.isEmpty()) {
                response.topics().add(new DescribeTopicPartitionsResponseTopic()
                        .setName(name)
                        .setTopicId(Uuid.ZERO_UUID)
                        .setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code()));
                continue;
            }
            if (budget == 0) {
                response.setNextCursor(new Cursor().setTopicName(name).setPartitionIndex(0));
                break;
            }
            int from = name.equals(firstTopic) ? firstPartition : 0;
            int to = Math.min(topic.get().partitions(), from + budget);
            response.topics().add(describe(topic.get(), from, to));
            budget -= to - from;
            if (to < topic.get().partitions()) {
                response.setNextCursor(new Cursor().setTopicName(name).setPartitionIndex(to));
                break;
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private DescribeTopicPartitionsResponseTopic describe(TopicMetadata topic, int from, int to) {
        DescribeTopicPartitionsResponseTopic result = new DescribeTopicPartitionsResponseTopic()
                .setName(topic.name())
                .setTopicId(topic.topicId())
                .setIsInternal(topic.internal())
                .setTopicAuthorizedOperations(SingleNode.TOPIC_OPERATIONS);
        List<Integer> replicas = List.of(cluster.nodeId());
        for (int p = from; p < to; p++) {
            result.partitions().add(new DescribeTopicPartitionsResponsePartition()
                    .setPartitionIndex(p)
                    .setLeaderId(cluster.nodeId())
                    .setLeaderEpoch(SingleNode.LEADER_EPOCH)
                    .setReplicaNodes(replicas)
                    .setIsrNodes(replicas)
                    .setEligibleLeaderReplicas(List.of())
                    .setLastKnownElr(List.of()));
        }
        return result;
    }
}
