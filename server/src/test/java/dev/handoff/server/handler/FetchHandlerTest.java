package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.BaseRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchHandlerTest {

    @TempDir
    Path dir;

    private HandlerFixture broker;

    @BeforeEach
    void setUp() {
        broker = new HandlerFixture(dir);
        broker.createTopic("t", 2);
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void returnsRecordsAndOffsetsOfEveryRequestedPartition() {
        // Given
        broker.produce("t", 0, "a", "b");
        // When
        FetchResponseData response = broker.call(ApiKeys.FETCH, (short) 12, fetch(0, 1, 0L, 1 << 20));
        // Then
        assertThat(response.sessionId()).isZero();
        List<PartitionData> partitions = response.responses().get(0).partitions();
        assertThat(partitions).extracting(PartitionData::partitionIndex).containsExactly(0, 1);
        assertThat(values(partitions.get(0).records())).containsExactly("a", "b");
        assertThat(partitions.get(0).highWatermark()).isEqualTo(2);
        assertThat(partitions.get(0).lastStableOffset()).isEqualTo(2);
        assertThat(partitions.get(0).preferredReadReplica()).isEqualTo(-1);
        assertThat(partitions.get(0).abortedTransactions()).isNull();
        assertThat(partitions.get(1).records().sizeInBytes()).isZero();
    }

    @Test
    void parksAFetchBelowMinBytesUntilAnAppendArrives() {
        // Given
        FetchRequestData request = fetch(0, 0, 0L, 1 << 20).setMinBytes(1).setMaxWaitMs(500);
        CompletableFuture<FetchResponseData> parked =
                broker.<FetchResponseData>send(ApiKeys.FETCH, (short) 12, request).toCompletableFuture();
        boolean doneBeforeAppend = parked.isDone();
        // When
        broker.produce("t", 0, "late");
        // Then
        assertThat(doneBeforeAppend).isFalse();
        assertThat(parked).isCompleted();
        assertThat(values(parked.join().responses().get(0).partitions().get(0).records())).containsExactly("late");
    }

    @Test
    void answersAParkedFetchEmptyWhenMaxWaitPasses() {
        // Given
        CompletableFuture<FetchResponseData> parked = broker.<FetchResponseData>send(ApiKeys.FETCH, (short) 12,
                fetch(0, 0, 0L, 1 << 20).setMinBytes(1).setMaxWaitMs(500)).toCompletableFuture();
        // When
        broker.fireTimeouts();
        // Then
        assertThat(parked).isCompleted();
        assertThat(parked.join().responses().get(0).partitions().get(0).records().sizeInBytes()).isZero();
    }

    @Test
    void returnsTheFirstBatchWholeEvenAboveTheByteLimits() {
        // Given
        broker.produce("t", 0, "x".repeat(1000));
        broker.produce("t", 1, "y".repeat(1000));
        // When
        FetchResponseData response = broker.call(ApiKeys.FETCH, (short) 12, fetch(0, 1, 0L, 10).setMaxBytes(10));
        // Then
        List<PartitionData> partitions = response.responses().get(0).partitions();
        assertThat(values(partitions.get(0).records())).containsExactly("x".repeat(1000));
        assertThat(partitions.get(1).records().sizeInBytes()).isZero();
    }

    @Test
    void reportsAnOffsetOutOfRange() {
        // Given
        broker.produce("t", 0, "a");
        // When
        FetchResponseData response = broker.call(ApiKeys.FETCH, (short) 12, fetch(0, 0, 5L, 1 << 20));
        // Then
        PartitionData partition = response.responses().get(0).partitions().get(0);
        assertThat(partition.errorCode()).isEqualTo(Errors.OFFSET_OUT_OF_RANGE.code());
        assertThat(partition.highWatermark()).isEqualTo(1);
    }

    @Test
    void refusesAnIncrementalFetchForASessionItNeverCreated() {
        // Given
        FetchRequestData request = fetch(0, 0, 0L, 1 << 20).setSessionId(12).setSessionEpoch(3);
        // When
        FetchResponseData response = broker.call(ApiKeys.FETCH, (short) 12, request);
        // Then
        assertThat(response.errorCode()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND.code());
        assertThat(response.responses()).isEmpty();
    }

    @Test
    void addressesTopicsByIdFromVersion13() {
        // Given
        broker.produce("t", 0, "a");
        Uuid id = broker.topics.topic("t").orElseThrow().topicId();
        FetchRequestData request = fetch(0, 0, 0L, 1 << 20);
        request.topics().get(0).setTopic("").setTopicId(id);
        FetchRequestData unknown = fetch(0, 0, 0L, 1 << 20);
        unknown.topics().get(0).setTopic("").setTopicId(Uuid.randomUuid());
        // When
        FetchResponseData known = broker.call(ApiKeys.FETCH, (short) 13, request);
        FetchResponseData missing = broker.call(ApiKeys.FETCH, (short) 13, unknown);
        // Then
        assertThat(known.responses().get(0).topicId()).isEqualTo(id);
        assertThat(values(known.responses().get(0).partitions().get(0).records())).containsExactly("a");
        assertThat(missing.responses().get(0).partitions().get(0).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
    }

    @Test
    void listsNoAbortedTransactionsForReadCommitted() {
        // Given
        FetchRequestData request = fetch(0, 0, 0L, 1 << 20).setIsolationLevel(IsolationLevel.READ_COMMITTED.id());
        // When
        FetchResponseData response = broker.call(ApiKeys.FETCH, (short) 12, request);
        // Then
        assertThat(response.responses().get(0).partitions().get(0).abortedTransactions()).isEmpty();
    }

    private static FetchRequestData fetch(int fromPartition, int toPartition, long offset, int partitionMaxBytes) {
        FetchTopic topic = new FetchTopic().setTopic("t");
        for (int p = fromPartition; p <= toPartition; p++) {
            topic.partitions().add(new FetchPartition().setPartition(p).setFetchOffset(offset)
                    .setPartitionMaxBytes(partitionMaxBytes));
        }
        FetchRequestData request = new FetchRequestData().setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 24)
                .setSessionEpoch(-1);
        request.topics().add(topic);
        return request;
    }

    private static List<String> values(BaseRecords records) {
        List<String> values = new ArrayList<>();
        for (RecordBatch batch : ((Records) records).batches()) {
            for (Record record : batch) {
                byte[] bytes = new byte[record.valueSize()];
                record.value().get(bytes);
                values.add(new String(bytes));
            }
        }
        return values;
    }
}
