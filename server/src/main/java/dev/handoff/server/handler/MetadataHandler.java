package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * Metadata v0-13: brokers (just us), cluster id, and topics with their ids (v10+). {@code Topics = null} (v1+)
 * means all topics, an empty list none; in v0, which has no null, the empty list means all topics. Kafka 4 still
 * serves v0 (KIP-896 kept it), and sarama up to 1.2x sends it from ClusterAdmin.DescribeCluster. Lookups by topic
 * id (v12+) leave unknown ids out (see {@link #handle}).
 * Auto-creation (request flag v4+, and {@code auto.create.topics.enable}) creates the topic synchronously and
 * describes it at once; Kafka answers LEADER_NOT_AVAILABLE while its controller creates the topic, which clients
 * retry, so answering with the created topic only saves them a round trip.
 */
final class MetadataHandler implements ApiHandler<MetadataRequestData, MetadataResponseData> {

    private final ClusterInfo cluster;
    private final TopicService topics;
    private final boolean autoCreateTopicsEnable;

    MetadataHandler(ClusterInfo cluster, TopicService topics, boolean autoCreateTopicsEnable) {
        this.cluster = cluster;
        this.topics = topics;
        this.autoCreateTopicsEnable = autoCreateTopicsEnable;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.METADATA;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 13;
    }

    @Override
    public CompletionStage<MetadataResponseData> handle(RequestContext context, MetadataRequestData request) {
        MetadataResponseData response = new MetadataResponseData()
                .setClusterId(cluster.clusterId())
                .setControllerId(cluster.nodeId());
        response.brokers().add(new MetadataResponseBroker()
                .setNodeId(cluster.nodeId())
                .setHost(cluster.host())
                .setPort(cluster.port()));
        if (request.includeClusterAuthorizedOperations()) {
            response.setClusterAuthorizedOperations(SingleNode.CLUSTER_OPERATIONS);
        }
        boolean includeOperations = request.includeTopicAuthorizedOperations();
        if (request.topics() == null || context.apiVersion() == 0 && request.topics().isEmpty()) {
            for (TopicMetadata topic : topics.topics()) {
                response.topics().add(describe(topic, includeOperations));
            }
        } else {
            // Before v4 there is no flag and auto-creation is always requested.
            boolean autoCreate = autoCreateTopicsEnable
                    && (context.apiVersion() < 4 || request.allowAutoTopicCreation());
            if (context.apiVersion() >= 12 && requestsByTopicId(request)) {
                // As Kafka: once any topic carries a non-zero id the request is a lookup by id, and the names are
                // ignored (the 4.4 client sends "" for them); entries without an id are skipped. Unlike Kafka, an
                // unknown id is left out instead of answered with a null name: a 4.4 consumer subscribed with a
                // SubscriptionPattern asks for its assigned topics by id, and its NetworkClient calls
                // MetadataResponse.errors(), which throws on a null name and leaves the metadata update in flight
                // forever, so a deleted topic would stop the consumer's metadata for good.
                for (MetadataRequestData.MetadataRequestTopic wanted : request.topics()) {
                    if (wanted.topicId() != null && !Uuid.ZERO_UUID.equals(wanted.topicId())) {
                        topics.topic(wanted.topicId())
                                .ifPresent(topic -> response.topics().add(describe(topic, includeOperations)));
                    }
                }
                return CompletableFuture.completedFuture(response);
            }
            for (MetadataRequestData.MetadataRequestTopic wanted : request.topics()) {
                response.topics().add(context.apiVersion() < 12 && wanted.name() == null
                        // Lookups by id start at v12; before that a response cannot even carry a null name.
                        ? error("", Uuid.ZERO_UUID, Errors.INVALID_REQUEST)
                        : lookup(wanted, autoCreate, includeOperations));
            }
        }
        return CompletableFuture.completedFuture(response);
    }

    private MetadataResponseTopic lookup(MetadataRequestData.MetadataRequestTopic wanted, boolean autoCreate,
                                         boolean includeOperations) {
        if (wanted.name() == null) {
            return lookupById(wanted.topicId() == null ? Uuid.ZERO_UUID : wanted.topicId(), includeOperations);
        }
        String name = wanted.name();
        Optional<TopicMetadata> existing = topics.topic(name);
        if (existing.isPresent()) {
            return describe(existing.get(), includeOperations);
        }
        if (!Topic.isValid(name)) {
            return error(name, Uuid.ZERO_UUID, Errors.INVALID_TOPIC_EXCEPTION);
        }
        if (!autoCreate || Topic.isInternal(name)) {
            return error(name, Uuid.ZERO_UUID, Errors.UNKNOWN_TOPIC_OR_PARTITION);
        }
        try {
            return describe(topics.create(name, -1, (short) -1, Map.of(), false), includeOperations);
        } catch (ApiException e) {
            // A concurrent request may have created it first.
            return topics.topic(name)
                    .map(t -> describe(t, includeOperations))
                    .orElseGet(() -> error(name, Uuid.ZERO_UUID, Errors.forException(e)));
        }
    }

    private static boolean requestsByTopicId(MetadataRequestData request) {
        return request.topics().stream()
                .anyMatch(t -> t.topicId() != null && !Uuid.ZERO_UUID.equals(t.topicId()));
    }

    private MetadataResponseTopic lookupById(Uuid id, boolean includeOperations) {
        return topics.topic(id)
                .map(t -> describe(t, includeOperations))
                .orElseGet(() -> error(null, id, Errors.UNKNOWN_TOPIC_ID));
    }

    private MetadataResponseTopic describe(TopicMetadata topic, boolean includeOperations) {
        MetadataResponseTopic result = new MetadataResponseTopic()
                .setName(topic.name())
                .setTopicId(topic.topicId())
                .setIsInternal(topic.internal());
        if (includeOperations) {
            result.setTopicAuthorizedOperations(SingleNode.TOPIC_OPERATIONS);
        }
        List<Integer> replicas = List.of(cluster.nodeId());
        for (int p = 0; p < topic.partitions(); p++) {
            result.partitions().add(new MetadataResponsePartition()
                    .setPartitionIndex(p)
                    .setLeaderId(cluster.nodeId())
                    .setLeaderEpoch(SingleNode.LEADER_EPOCH)
                    .setReplicaNodes(replicas)
                    .setIsrNodes(replicas));
        }
        return result;
    }

    private static MetadataResponseTopic error(String name, Uuid id, Errors error) {
        return new MetadataResponseTopic().setName(name).setTopicId(id).setErrorCode(error.code());
    }
}
