package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.ConfigDescriber;
import dev.handoff.server.metadata.DescribedConfig;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsSynonym;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DescribeConfigs v1-4 for topics (defaults plus overrides) and this broker (read-only). Synonyms only when
 * asked (v1+); the config type from v3. A broker resource must name this node (or be empty for cluster-wide
 * defaults, which are the same here); broker loggers and other resource types are not supported.
 */
final class DescribeConfigsHandler implements ApiHandler<DescribeConfigsRequestData, DescribeConfigsResponseData> {

    private final ClusterInfo cluster;
    private final TopicService topics;
    private final ConfigDescriber configs;

    DescribeConfigsHandler(ClusterInfo cluster, TopicService topics, ConfigDescriber configs) {
        this.cluster = cluster;
        this.topics = topics;
        this.configs = configs;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public CompletionStage<DescribeConfigsResponseData> handle(RequestContext context,
                                                               DescribeConfigsRequestData request) {
        DescribeConfigsResponseData response = new DescribeConfigsResponseData();
        for (DescribeConfigsResource resource : request.resources()) {
            DescribeConfigsResult result = new DescribeConfigsResult()
                    .setResourceType(resource.resourceType())
                    .setResourceName(resource.resourceName());
            ConfigResource.Type type = ConfigResource.Type.forId(resource.resourceType());
            if (type == ConfigResource.Type.TOPIC) {
                Optional<TopicMetadata> topic = topics.topic(resource.resourceName());
                if (topic.isEmpty()) {
                    result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code())
                            .setErrorMessage("Topic " + resource.resourceName() + " does not exist");
                } else {
                    fill(result, configs.topicConfigs(topic.get()), resource, request.includeSynonyms());
                }
            } else if (type == ConfigResource.Type.BROKER && isThisBroker(resource.resourceName())) {
                fill(result, configs.brokerConfigs(), resource, request.includeSynonyms());
            } else {
                result.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("Unsupported resource " + type + " '" + resource.resourceName() + "'");
            }
            response.results().add(result);
        }
        return CompletableFuture.completedFuture(response);
    }

    private boolean isThisBroker(String name) {
        return name.isEmpty() || name.equals(Integer.toString(cluster.nodeId()));
    }

    private static void fill(DescribeConfigsResult result, List<DescribedConfig> described,
                             DescribeConfigsResource resource, boolean includeSynonyms) {
        Set<String> wanted = resource.configurationKeys() == null ? null : new HashSet<>(resource.configurationKeys());
        for (DescribedConfig config : described) {
            if (wanted != null && !wanted.contains(config.name())) {
                continue;
            }
            DescribeConfigsResourceResult entry = new DescribeConfigsResourceResult()
                    .setName(config.name())
                    .setValue(config.value())
                    .setReadOnly(config.readOnly())
                    .setConfigSource(config.source().id())
                    .setIsSensitive(false)
                    .setConfigType(config.type().id());
            if (includeSynonyms) {
                for (DescribedConfig.Synonym synonym : config.synonyms()) {
                    entry.synonyms().add(new DescribeConfigsSynonym()
                            .setName(synonym.name())
                            .setValue(synonym.value())
                            .setSource(synonym.source().id()));
                }
            }
            result.configs().add(entry);
        }
    }
}
