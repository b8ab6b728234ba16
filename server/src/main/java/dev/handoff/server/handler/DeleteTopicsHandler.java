package dev.handoff.server.handler;

import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidRequestException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DeleteTopics v1-6: by name (TopicNames before v6) or by name or topic id (v6 Topics). Internal topics cannot
 * be deleted; the group coordinator lives on {@code __consumer_offsets}.
 */
final class DeleteTopicsHandler implements ApiHandler<DeleteTopicsRequestData, DeleteTopicsResponseData> {

    private final TopicService topics;

    DeleteTopicsHandler(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_TOPICS;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 6;
    }

    @Override
    public CompletionStage<DeleteTopicsResponseData> handle(RequestContext context, DeleteTopicsRequestData request) {
        List<DeleteTopicState> wanted = new ArrayList<>(request.topics());
        for (String name : request.topicNames()) {
            wanted.add(new DeleteTopicState().setName(name));
        }
        DeleteTopicsResponseData response = new DeleteTopicsResponseData();
        for (DeleteTopicState state : wanted) {
            DeletableTopicResult result = new DeletableTopicResult().setName(state.name()).setTopicId(state.topicId());
            try {
                TopicMetadata deleted = topics.delete(resolve(state));
                result.setName(deleted.name()).setTopicId(deleted.topicId());
            } catch (ApiException e) {
                result.setErrorCode(Errors.forException(e).code()).setErrorMessage(e.getMessage());
            }
            response.responses().add(result);
        }
        return CompletableFuture.completedFuture(response);
    }

    private String resolve(DeleteTopicState state) {
        TopicMetadata topic;
        if (state.name() != null) {
            topic = topics.topic(state.name()).orElseThrow(
                    () -> new UnknownTopicOrPartitionException("This server does not host this topic-partition."));
        } else if (state.topicId() != null && !Uuid.ZERO_UUID.equals(state.topicId())) {
            topic = topics.topic(state.topicId()).orElseThrow(
                    () -> new UnknownTopicIdException("This server does not host this topic ID."));
        } else {
            throw new InvalidRequestException("Neither topic name nor id was provided.");
        }
        if (topic.internal()) {
            throw new InvalidRequestException("Internal topic " + topic.name() + " cannot be deleted.");
        }
        return topic.name();
    }
}
