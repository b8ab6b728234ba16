package dev.handoff.server.handler;

import dev.handoff.log.AppendResult;
import dev.handoff.log.PartitionLog;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.requests.ProduceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produce v3-13. Appends run synchronously on the connection's request executor, so the batches of one
 * connection reach the log in the order they were sent (idempotent producers keep up to five in flight).
 * v13 names topics by id only. acks must be -1, 0 or 1; with acks=0 the response is computed but not sent.
 * Transactional produce is refused with TRANSACTIONAL_ID_AUTHORIZATION_FAILED (transactions are unsupported).
 * Every successful append wakes the fetches waiting on that partition.
 */
final class ProduceHandler implements ApiHandler<ProduceRequestData, ProduceResponseData> {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProduceHandler.class);

    private final TopicService topics;
    private final FetchPurgatory purgatory;

    ProduceHandler(TopicService topics, FetchPurgatory purgatory) {
        this.topics = topics;
        this.purgatory = purgatory;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.PRODUCE;
    }

    @Override
    public short minVersion() {
        return 3;
    }

    @Override
    public short maxVersion() {
        return 13;
    }

    /**
     * Kafka 4.x announces Produce from version 0 although it accepts only 3+, because some librdkafka versions
     * refuse a broker whose Produce range starts above 0 (KAFKA-18659); v0-2 requests still close the connection.
     */
    @Override
    public short advertisedMinVersion() {
        return 0;
    }

    @Override
    public CompletionStage<ProduceResponseData> handle(RequestContext context, ProduceRequestData request) {
        Errors requestError = Errors.NONE;
        if (request.acks() != -1 && request.acks() != 0 && request.acks() != 1) {
            requestError = Errors.INVALID_REQUIRED_ACKS;
        } else if (request.transactionalId() != null) {
            requestError = Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
        }
        ProduceResponseData response = new ProduceResponseData();
        List<TopicPartition> appended = new ArrayList<>();
        for (TopicProduceData topicData : request.topicData()) {
            Optional<TopicMetadata> topic = context.apiVersion() >= 13
                    ? topics.topic(topicData.topicId()) : topics.topic(topicData.name());
            TopicProduceResponse topicResponse = new TopicProduceResponse()
                    .setName(topic.map(TopicMetadata::name).orElse(topicData.name()))
                    .setTopicId(topicData.topicId());
            for (PartitionProduceData partition : topicData.partitionData()) {
                PartitionProduceResponse result = new PartitionProduceResponse().setIndex(partition.index());
                if (requestError != Errors.NONE) {
                    result.setErrorCode(requestError.code());
                } else if (topic.isEmpty()) {
                    result.setErrorCode(context.apiVersion() >= 13
                            ? Errors.UNKNOWN_TOPIC_ID.code() : Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (topic.get().internal()) {
                    // Only the broker writes internal topics (Kafka: "Cannot append to internal topic").
                    result.setErrorCode(Errors.INVALID_TOPIC_EXCEPTION.code())
                            .setErrorMessage("Cannot append to internal topic " + topic.get().name());
                } else {
                    append(context, topic.get().name(), partition, result, appended);
                }
                topicResponse.partitionResponses().add(result);
            }
            response.responses().add(topicResponse);
        }
        purgatory.onAppend(appended);
        return CompletableFuture.completedFuture(response);
    }

    private void append(RequestContext context, String topic, PartitionProduceData partition,
                        PartitionProduceResponse result, List<TopicPartition> appended) {
        Optional<PartitionLog> log = topics.partition(topic, partition.index());
        if (log.isEmpty()) {
            result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
            return;
        }
        if (partition.records() == null) {
            result.setErrorCode(Errors.INVALID_RECORD.code()).setErrorMessage("Produce request without records");
            return;
        }
        try {
            // One magic-v2 batch per partition, and zstd only from v7 (KIP-110).
            ProduceRequest.validateRecords(context.apiVersion(), partition.records());
            AppendResult appendResult = log.get().append((MemoryRecords) partition.records(), context.nowMs());
            result.setBaseOffset(appendResult.baseOffset())
                    .setLogAppendTimeMs(appendResult.logAppendTimeMs())
                    .setLogStartOffset(appendResult.logStartOffset());
            appended.add(log.get().topicPartition());
        } catch (ApiException e) {
            result.setErrorCode(Errors.forException(e).code())
                    .setErrorMessage(e.getMessage())
                    .setLogStartOffset(log.get().logStartOffset());
        } catch (RuntimeException e) {
            LOGGER.warn("Append to {}-{} failed", topic, partition.index(), e);
            result.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code());
        }
    }
}
