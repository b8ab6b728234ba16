package dev.handoff.server.handler;

import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/** CreatePartitions v0-3: grows a topic; the count can only increase. Manual assignments are not supported. */
final class CreatePartitionsHandler implements ApiHandler<CreatePartitionsRequestData, CreatePartitionsResponseData> {

    private final TopicService topics;

    CreatePartitionsHandler(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_PARTITIONS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 3;
    }

    @Override
    public CompletionStage<CreatePartitionsResponseData> handle(RequestContext context,
                                                                CreatePartitionsRequestData request) {
        CreatePartitionsResponseData response = new CreatePartitionsResponseData();
        Set<String> seen = new HashSet<>();
        long newPartitions = 0;
        for (CreatePartitionsTopic topic : request.topics()) {
            int current = topics.topic(topic.name()).map(TopicMetadata::partitions).orElse(topic.count());
            newPartitions += Math.max(0, (long) topic.count() - current);
        }
        boolean tooManyPartitions = newPartitions > CreateTopicsHandler.MAX_PARTITIONS_PER_REQUEST;
        for (CreatePartitionsTopic topic : request.topics()) {
            CreatePartitionsTopicResult result = new CreatePartitionsTopicResult().setName(topic.name());
            try {
                if (!seen.add(topic.name())) {
                    throw new InvalidRequestException("Duplicate topic in request.");
                }
                if (topic.assignments() != null && !topic.assignments().isEmpty()) {
                    throw new InvalidReplicaAssignmentException("Manual partition assignment is not supported.");
                }
                if (tooManyPartitions) {
                    throw new PolicyViolationException(CreateTopicsHandler.TOO_MANY_PARTITIONS);
                }
                topics.createPartitions(topic.name(), topic.count(), request.validateOnly());
            } catch (ApiException e) {
                result.setErrorCode(Errors.forException(e).code()).setErrorMessage(e.getMessage());
            }
            response.results().add(result);
        }
        return CompletableFuture.completedFuture(response);
    }
}
