package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.ConfigDescriber;
import dev.handoff.server.metadata.DescribedConfig;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableReplicaAssignment;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicConfigs;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * CreateTopics v2-7. -1 partitions or replication factor (v4+) take the broker defaults; a replication factor
 * above 1 cannot be met on one node. Configs are validated as topic overrides. v5+ reports the resulting
 * partition count, replication factor and configs; v7 the topic id. A name sent twice in one request fails with
 * INVALID_REQUEST, as in Kafka.
 */
final class CreateTopicsHandler implements ApiHandler<CreateTopicsRequestData, CreateTopicsResponseData> {

    /**
     * Kafka 4.x fails a CreateTopics (KAFKA-17870) or CreatePartitions (KAFKA-19673) request that would create more
     * partitions than this in all; here it also keeps one request from opening a log per partition until the
     * broker runs out of file handles.
     */
    static final int MAX_PARTITIONS_PER_REQUEST = 10_000;
    static final String TOO_MANY_PARTITIONS = "Excessively large number of partitions per request.";

    private final ClusterInfo cluster;
    private final TopicService topics;
    private final ConfigDescriber configs;

    CreateTopicsHandler(ClusterInfo cluster, TopicService topics, ConfigDescriber configs) {
        this.cluster = cluster;
        this.topics = topics;
        this.configs = configs;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_TOPICS;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 7;
    }

    @Override
    public CompletionStage<CreateTopicsResponseData> handle(RequestContext context, CreateTopicsRequestData request) {
        CreateTopicsResponseData response = new CreateTopicsResponseData();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        long requestedPartitions = 0;
        for (CreatableTopic topic : request.topics()) {
            if (!seen.add(topic.name())) {
                duplicates.add(topic.name());
            }
            requestedPartitions += topic.assignments().isEmpty() ? Math.max(0, topic.numPartitions())
                    : topic.assignments().size();
        }
        boolean tooManyPartitions = requestedPartitions > MAX_PARTITIONS_PER_REQUEST;
        for (CreatableTopic topic : request.topics()) {
            CreatableTopicResult result = new CreatableTopicResult().setName(topic.name());
            try {
                if (duplicates.contains(topic.name())) {
                    throw new InvalidRequestException("Duplicate topic name.");
                }
                if (tooManyPartitions) {
                    throw new PolicyViolationException(TOO_MANY_PARTITIONS);
                }
                describe(result, create(topic, request.validateOnly()));
            } catch (ApiException e) {
                result.setErrorCode(Errors.forException(e).code()).setErrorMessage(e.getMessage());
            }
            if (response.topics().find(topic.name()) == null) {
                response.topics().add(result);
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private TopicMetadata create(CreatableTopic topic, boolean validateOnly) {
        int partitions = topic.numPartitions();
        short replicationFactor = topic.replicationFactor();
        if (!topic.assignments().isEmpty()) {
            // Manual assignment: only this node can host replicas, one replica per partition.
            if (partitions != -1 || replicationFactor != -1) {
                throw new InvalidRequestException("Both numPartitions or replicationFactor and replicasAssignments "
                        + "were set. Both cannot be used at the same time.");
            }
            for (CreatableReplicaAssignment assignment : topic.assignments()) {
                if (!assignment.brokerIds().equals(List.of(cluster.nodeId()))) {
                    throw new InvalidReplicaAssignmentException("Replica assignment " + assignment.brokerIds()
                            + " of partition " + assignment.partitionIndex() + " must be [" + cluster.nodeId() + "]");
                }
            }
            partitions = topic.assignments().size();
            replicationFactor = 1;
        }
        Map<String, String> overrides = new HashMap<>();
        for (CreatableTopicConfig config : topic.configs()) {
            if (config.value() != null) {
                overrides.put(config.name(), config.value());
            }
        }
        return topics.create(topic.name(), partitions, replicationFactor, overrides, validateOnly);
    }

    private void describe(CreatableTopicResult result, TopicMetadata topic) {
        result.setTopicId(topic.topicId())
                .setNumPartitions(topic.partitions())
                .setReplicationFactor((short) 1);
        for (DescribedConfig config : configs.topicConfigs(topic)) {
            result.configs().add(new CreatableTopicConfigs()
                    .setName(config.name())
                    .setValue(config.value())
                    .setReadOnly(config.readOnly())
                    .setConfigSource(config.source().id())
                    .setIsSensitive(false));
        }
    }
}
