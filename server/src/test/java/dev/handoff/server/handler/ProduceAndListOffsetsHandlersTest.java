package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Produce, ListOffsets and InitProducerId. */
class ProduceAndListOffsetsHandlersTest {

    @TempDir
    Path dir;

    private HandlerFixture broker;

    @BeforeEach
    void setUp() {
        broker = new HandlerFixture(dir);
        broker.createTopic("t", 1);
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void answersTheBaseOffsetOfEachAppend() {
        // Given
        broker.produce("t", 0, "a", "b");
        // When
        ProduceResponseData response = broker.call(ApiKeys.PRODUCE, (short) 11, produce("t", Uuid.ZERO_UUID, 0));
        // Then
        PartitionProduceResponse partition = response.responses().iterator().next().partitionResponses().get(0);
        assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(partition.baseOffset()).isEqualTo(2);
        assertThat(partition.logAppendTimeMs()).isEqualTo(-1);
        assertThat(partition.logStartOffset()).isZero();
    }

    @Test
    void namesTheMissingTopicOrPartition() {
        // Given
        ProduceRequestData unknownTopic = produce("nope", Uuid.ZERO_UUID, 0);
        ProduceRequestData unknownPartition = produce("t", Uuid.ZERO_UUID, 7);
        ProduceRequestData unknownId = produce("", Uuid.randomUuid(), 0);
        // When
        ProduceResponseData byName = broker.call(ApiKeys.PRODUCE, (short) 11, unknownTopic);
        ProduceResponseData byPartition = broker.call(ApiKeys.PRODUCE, (short) 11, unknownPartition);
        ProduceResponseData byId = broker.call(ApiKeys.PRODUCE, (short) 13, unknownId);
        // Then
        assertThat(error(byName)).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(error(byPartition)).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(error(byId)).isEqualTo(Errors.UNKNOWN_TOPIC_ID);
    }

    @Test
    void refusesAppendsToInternalTopics() {
        // Given
        broker.topics.createInternal("__consumer_offsets", 1, Map.of());
        // When
        ProduceResponseData response = broker.call(ApiKeys.PRODUCE, (short) 11,
                produce("__consumer_offsets", Uuid.ZERO_UUID, 0));
        // Then
        assertThat(error(response)).isEqualTo(Errors.INVALID_TOPIC_EXCEPTION);
        assertThat(broker.topics.partition("__consumer_offsets", 0).orElseThrow().logEndOffset()).isZero();
    }

    @Test
    void appendsByTopicIdFromVersion13() {
        // Given
        Uuid id = broker.topics.topic("t").orElseThrow().topicId();
        // When
        ProduceResponseData response = broker.call(ApiKeys.PRODUCE, (short) 13, produce("", id, 0));
        // Then
        assertThat(error(response)).isEqualTo(Errors.NONE);
        assertThat(response.responses().iterator().next().topicId()).isEqualTo(id);
    }

    @Test
    void rejectsAcksOtherThanMinusOneZeroOrOne() {
        // Given
        ProduceRequestData request = produce("t", Uuid.ZERO_UUID, 0).setAcks((short) 2);
        // When
        ProduceResponseData response = broker.call(ApiKeys.PRODUCE, (short) 11, request);
        // Then
        assertThat(error(response)).isEqualTo(Errors.INVALID_REQUIRED_ACKS);
    }

    @Test
    void listsEarliestLatestAndTimestampOffsets() {
        // Given
        broker.produce("t", 0, "a", "b", "c");
        long[] timestamps = {ListOffsetsRequest.EARLIEST_TIMESTAMP, ListOffsetsRequest.LATEST_TIMESTAMP,
            ListOffsetsRequest.MAX_TIMESTAMP, ListOffsetsRequest.LATEST_TIERED_TIMESTAMP, HandlerFixture.NOW,
            HandlerFixture.NOW + 1};
        // When
        List<ListOffsetsPartitionResponse> answers = Arrays.stream(timestamps)
                .mapToObj(timestamp -> broker.<ListOffsetsResponseData>call(ApiKeys.LIST_OFFSETS, (short) 9,
                        listOffsets(timestamp)).topics().get(0).partitions().get(0))
                .toList();
        // Then
        assertThat(answers).extracting(ListOffsetsPartitionResponse::offset).containsExactly(0L, 3L, 0L, -1L, 0L, -1L);
        assertThat(answers.get(1).leaderEpoch()).isZero();
    }

    @Test
    void answersInvalidRequestForEachCopyOfAPartitionNamedTwice() {
        // Given
        broker.produce("t", 0, "a", "b", "c");
        ListOffsetsRequestData request = listOffsets(ListOffsetsRequest.EARLIEST_TIMESTAMP,
                ListOffsetsRequest.LATEST_TIMESTAMP);
        ListOffsetsTopic missing = new ListOffsetsTopic().setName("missing");
        missing.partitions().add(new ListOffsetsPartition().setPartitionIndex(0)
                .setTimestamp(ListOffsetsRequest.LATEST_TIMESTAMP));
        request.topics().add(missing);
        // When
        ListOffsetsResponseData response = broker.call(ApiKeys.LIST_OFFSETS, (short) 1, request);
        // Then
        assertThat(response.topics().get(0).partitions()).extracting(ListOffsetsPartitionResponse::errorCode,
                ListOffsetsPartitionResponse::offset).containsExactly(
                tuple(Errors.INVALID_REQUEST.code(), -1L), tuple(Errors.INVALID_REQUEST.code(), -1L));
        assertThat(response.topics().get(1).partitions().get(0).errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
    }

    @Test
    void fencesAClientWithAnotherLeaderEpoch() {
        // Given
        ListOffsetsRequestData request = listOffsets(ListOffsetsRequest.LATEST_TIMESTAMP);
        request.topics().get(0).partitions().get(0).setCurrentLeaderEpoch(4);
        // When
        ListOffsetsResponseData response = broker.call(ApiKeys.LIST_OFFSETS, (short) 9, request);
        // Then
        assertThat(response.topics().get(0).partitions().get(0).errorCode())
                .isEqualTo(Errors.UNKNOWN_LEADER_EPOCH.code());
    }

    @Test
    void givesEveryIdempotentProducerANewIdAndRefusesTransactions() {
        // Given
        InitProducerIdRequestData idempotent = new InitProducerIdRequestData().setTransactionalId(null)
                .setTransactionTimeoutMs(Integer.MAX_VALUE);
        InitProducerIdRequestData transactional = new InitProducerIdRequestData().setTransactionalId("tx");
        // When
        InitProducerIdResponseData first = broker.call(ApiKeys.INIT_PRODUCER_ID, (short) 5, idempotent);
        InitProducerIdResponseData second = broker.call(ApiKeys.INIT_PRODUCER_ID, (short) 5, idempotent);
        InitProducerIdResponseData refused = broker.call(ApiKeys.INIT_PRODUCER_ID, (short) 5, transactional);
        // Then
        assertThat(first.producerId()).isNotEqualTo(second.producerId());
        assertThat(first.producerEpoch()).isZero();
        assertThat(refused.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
    }

    private static ProduceRequestData produce(String topic, Uuid topicId, int partition) {
        ProduceRequestData request = new ProduceRequestData().setAcks((short) -1).setTimeoutMs(1000);
        ProduceRequestData.TopicProduceData data = new ProduceRequestData.TopicProduceData().setName(topic)
                .setTopicId(topicId);
        data.partitionData().add(new ProduceRequestData.PartitionProduceData().setIndex(partition)
                .setRecords(MemoryRecords.withRecords(Compression.NONE,
                        new SimpleRecord(HandlerFixture.NOW, "v".getBytes()))));
        request.topicData().add(data);
        return request;
    }

    private static Errors error(ProduceResponseData response) {
        return Errors.forCode(response.responses().iterator().next().partitionResponses().get(0).errorCode());
    }

    private static ListOffsetsRequestData listOffsets(long... timestamps) {
        ListOffsetsTopic topic = new ListOffsetsTopic().setName("t");
        for (long timestamp : timestamps) {
            topic.partitions().add(new ListOffsetsPartition().setPartitionIndex(0).setTimestamp(timestamp));
        }
        ListOffsetsRequestData request = new ListOffsetsRequestData().setReplicaId(-1);
        request.topics().add(topic);
        return request;
    }
}
