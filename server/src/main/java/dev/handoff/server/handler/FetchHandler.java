package dev.handoff.server.handler;

import dev.handoff.log.PartitionLog;
import dev.handoff.log.ReadResult;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * Fetch v4-18 for consumers.
 *
 * <ul>
 *   <li>Sessions (KIP-227) are not kept: full fetches (epoch 0 or -1) are answered sessionless (SessionId 0),
 *       which makes clients keep sending full fetches; an incremental fetch (epoch &gt; 0) gets
 *       FETCH_SESSION_ID_NOT_FOUND and the client falls back to a full one.</li>
 *   <li>Every requested partition is in the response, in request order; v13+ names topics by id.</li>
 *   <li>Sizes (KIP-74): at most MaxBytes in total and PartitionMaxBytes per partition, except that the first
 *       batch of the first partition with data is returned whole so a large batch never blocks the consumer.</li>
 *   <li>Long poll: with less than MinBytes available the fetch waits up to MaxWaitMs, woken by appends.</li>
 * </ul>
 */
final class FetchHandler implements ApiHandler<FetchRequestData, FetchResponseData> {

    private final TopicService topics;
    private final FetchPurgatory purgatory;

    FetchHandler(TopicService topics, FetchPurgatory purgatory) {
        this.topics = topics;
        this.purgatory = purgatory;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FETCH;
    }

    @Override
    public short minVersion() {
        return 4;
    }

    @Override
    public short maxVersion() {
        return 18;
    }

    @Override
    public CompletionStage<FetchResponseData> handle(RequestContext context, FetchRequestData request) {
        if (request.sessionEpoch() > 0) {
            return CompletableFuture.completedFuture(new FetchResponseData()
                    .setErrorCode(Errors.FETCH_SESSION_ID_NOT_FOUND.code())
                    .setSessionId(0));
        }
        short version = context.apiVersion();
        FetchPurgatory.Attempt<FetchResponseData> first = read(request, version);
        if (first.satisfied() || request.maxWaitMs() <= 0) {
            return CompletableFuture.completedFuture(first.response());
        }
        return purgatory.park(requestedPartitions(request, version), () -> read(request, version),
                request.maxWaitMs());
    }

    /** One pass over the logs; satisfied when MinBytes are available or a partition has an error to report. */
    private FetchPurgatory.Attempt<FetchResponseData> read(FetchRequestData request, short version) {
        FetchResponseData response = new FetchResponseData().setSessionId(0);
        boolean readCommitted = request.isolationLevel() == IsolationLevel.READ_COMMITTED.id();
        Budget budget = new Budget(request.maxBytes());
        boolean sawError = false;
        for (FetchTopic fetchTopic : request.topics()) {
            Optional<TopicMetadata> topic = resolve(fetchTopic, version);
            FetchableTopicResponse topicResponse = new FetchableTopicResponse()
                    .setTopic(topic.map(TopicMetadata::name).orElse(fetchTopic.topic()))
                    .setTopicId(fetchTopic.topicId());
            for (FetchPartition partition : fetchTopic.partitions()) {
                PartitionData data = new PartitionData()
                        .setPartitionIndex(partition.partition())
                        .setRecords(MemoryRecords.EMPTY)
                        .setAbortedTransactions(readCommitted ? new ArrayList<>() : null);
                Errors error = topic.isEmpty()
                        ? (version >= 13 ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION)
                        : readPartition(topic.get().name(), partition, data, budget);
                data.setErrorCode(error.code());
                sawError |= error != Errors.NONE;
                topicResponse.partitions().add(data);
            }
            response.responses().add(topicResponse);
        }
        return new FetchPurgatory.Attempt<>(response, sawError || budget.used >= request.minBytes());
    }

    private Errors readPartition(String topic, FetchPartition partition, PartitionData data, Budget budget) {
        Errors epochError = SingleNode.checkLeaderEpoch(partition.currentLeaderEpoch());
        if (epochError != Errors.NONE) {
            return epochError;
        }
        Optional<PartitionLog> log = topics.partition(topic, partition.partition());
        if (log.isEmpty()) {
            return Errors.UNKNOWN_TOPIC_OR_PARTITION;
        }
        try {
            int limit = Math.min(partition.partitionMaxBytes(), budget.remaining());
            ReadResult read = log.get().read(partition.fetchOffset(), Math.max(0, limit), budget.minOneBatch());
            data.setHighWatermark(read.highWatermark())
                    .setLastStableOffset(read.highWatermark())
                    .setLogStartOffset(read.logStartOffset())
                    .setRecords(read.records());
            budget.consume(read.records().sizeInBytes());
            return Errors.NONE;
        } catch (ApiException e) {
            data.setHighWatermark(log.get().highWatermark())
                    .setLastStableOffset(log.get().highWatermark())
                    .setLogStartOffset(log.get().logStartOffset());
            return Errors.forException(e);
        }
    }

    private Optional<TopicMetadata> resolve(FetchTopic fetchTopic, short version) {
        return version >= 13 ? topics.topic(fetchTopic.topicId()) : topics.topic(fetchTopic.topic());
    }

    private List<TopicPartition> requestedPartitions(FetchRequestData request, short version) {
        List<TopicPartition> result = new ArrayList<>();
        for (FetchTopic fetchTopic : request.topics()) {
            resolve(fetchTopic, version).ifPresent(topic -> fetchTopic.partitions().forEach(
                    p -> result.add(new TopicPartition(topic.name(), p.partition()))));
        }
        return result;
    }

    /** The response-wide byte limit; KIP-74 lets the first non-empty partition exceed it by one batch. */
    private static final class Budget {

        private final int maxBytes;
        private int used;

        Budget(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        int remaining() {
            return Math.max(0, maxBytes - used);
        }

        boolean minOneBatch() {
            return used == 0;
        }

        void consume(int bytes) {
            used += bytes;
        }
    }
}
