package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.MetadataResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataHandlerTest {

    @TempDir
    Path dir;

    private HandlerFixture broker;

    @BeforeEach
    void setUp() {
        broker = new HandlerFixture(dir);
    }

    @AfterEach
    void tearDown() {
        broker.close();
    }

    @Test
    void describesAllTopicsWhenTopicsIsNull() {
        // Given
        broker.createTopic("a", 1);
        broker.createTopic("b", 2);
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12,
                new MetadataRequestData().setTopics(null));
        // Then
        assertThat(response.clusterId()).isEqualTo("test-cluster");
        assertThat(response.controllerId()).isEqualTo(1);
        assertThat(response.brokers()).singleElement().satisfies(b -> {
            assertThat(b.host()).isEqualTo("127.0.0.1");
            assertThat(b.port()).isEqualTo(9092);
        });
        assertThat(response.topics()).extracting(MetadataResponseTopic::name).containsExactly("a", "b");
        MetadataResponsePartition partition = response.topics().find("b").partitions().get(1);
        assertThat(partition.leaderId()).isEqualTo(1);
        assertThat(partition.leaderEpoch()).isZero();
        assertThat(partition.replicaNodes()).containsExactly(1);
        assertThat(response.topics().find("a").topicId()).isNotEqualTo(Uuid.ZERO_UUID);
    }

    @Test
    void describesNoTopicsForAnEmptyList() {
        // Given
        broker.createTopic("a", 1);
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 1, new MetadataRequestData());
        // Then
        assertThat(response.topics()).isEmpty();
        assertThat(response.brokers()).hasSize(1);
    }

    @Test
    void describesAllTopicsForAnEmptyListAtVersion0WhichHasNoNull() {
        // Given: sarama 1.22's ClusterAdmin.DescribeCluster sends Metadata v0 with no topics
        broker.createTopic("a", 1);
        broker.createTopic("b", 2);
        short v0 = 0;
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, v0, new MetadataRequestData());
        // Then
        assertThat(broker.registry.handler(ApiKeys.METADATA).orElseThrow().supports(v0)).isTrue();
        MetadataResponseData decoded = reencode(response, v0);
        assertThat(decoded.brokers()).extracting(b -> b.nodeId()).containsExactly(1);
        assertThat(decoded.topics()).extracting(MetadataResponseTopic::name).containsExactly("a", "b");
        assertThat(decoded.topics().find("b").partitions()).hasSize(2);
    }

    @Test
    void autoCreatesAnUnknownTopicWithTheDefaultPartitionCount() {
        // Given
        MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(true)
                .setTopics(List.of(new MetadataRequestTopic().setName("fresh")));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12, request);
        // Then
        MetadataResponseTopic topic = response.topics().find("fresh");
        assertThat(topic.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(topic.partitions()).hasSize(3);
        assertThat(broker.topics.topic("fresh")).isPresent();
    }

    @Test
    void answersUnknownTopicWhenTheClientDisallowsAutoCreation() {
        // Given
        MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(false)
                .setTopics(List.of(new MetadataRequestTopic().setName("fresh")));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12, request);
        // Then
        assertThat(response.topics().find("fresh").errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(broker.topics.topic("fresh")).isEmpty();
    }

    @Test
    void rejectsAnInvalidTopicName() {
        // Given
        MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(true)
                .setTopics(List.of(new MetadataRequestTopic().setName("bad/name")));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12, request);
        // Then
        assertThat(response.topics().find("bad/name").errorCode())
                .isEqualTo(Errors.INVALID_TOPIC_EXCEPTION.code());
    }

    @Test
    void looksTopicsUpByIdAndLeavesUnknownIdsOut() {
        // Given
        broker.createTopic("by-id", 1);
        Uuid id = broker.topics.topic("by-id").orElseThrow().topicId();
        Uuid unknown = Uuid.randomUuid();
        MetadataRequestData request = new MetadataRequestData().setTopics(List.of(
                new MetadataRequestTopic().setName(null).setTopicId(id),
                new MetadataRequestTopic().setName(null).setTopicId(unknown)));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12, request);
        // Then
        assertThat(response.topics()).extracting(MetadataResponseTopic::name, MetadataResponseTopic::errorCode)
                .containsExactly(tuple("by-id", Errors.NONE.code()));
        // The 4.4 consumer's NetworkClient reads every metadata answer with errors(), which throws on a null name.
        assertThatCode(() -> new MetadataResponse(response, (short) 12).errors()).doesNotThrowAnyException();
    }

    @Test
    void looksTopicsUpByIdWhenTheNamesAreEmptyStringsAsThe44ClientSendsThem() {
        // Given
        broker.createTopic("by-id", 1);
        Uuid id = broker.topics.topic("by-id").orElseThrow().topicId();
        MetadataRequestData request = new MetadataRequestData().setTopics(List.of(
                new MetadataRequestTopic().setName("").setTopicId(id),
                new MetadataRequestTopic().setName("").setTopicId(Uuid.ZERO_UUID)));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 12, request);
        // Then
        assertThat(response.topics()).extracting(MetadataResponseTopic::name, MetadataResponseTopic::errorCode)
                .containsExactly(tuple("by-id", Errors.NONE.code()));
        // The 4.4 consumer's NetworkClient reads every metadata answer with errors(), which throws on a null name.
        assertThatCode(() -> new MetadataResponse(response, (short) 12).errors()).doesNotThrowAnyException();
    }

    @Test
    void refusesLookupsByIdBeforeVersion12() {
        // Given
        broker.createTopic("by-id", 1);
        Uuid id = broker.topics.topic("by-id").orElseThrow().topicId();
        MetadataRequestData request = new MetadataRequestData().setTopics(List.of(
                new MetadataRequestTopic().setName(null).setTopicId(id)));
        // When
        MetadataResponseData response = broker.call(ApiKeys.METADATA, (short) 10, request);
        // Then
        assertThat(response.topics()).singleElement().satisfies(topic -> {
            assertThat(topic.errorCode()).isEqualTo(Errors.INVALID_REQUEST.code());
            assertThat(topic.name()).isEmpty();
        });
    }

    /** Writes the response at {@code version} and reads it back, as a client of that version sees it. */
    private static MetadataResponseData reencode(MetadataResponseData response, short version) {
        ObjectSerializationCache cache = new ObjectSerializationCache();
        ByteBuffer buffer = ByteBuffer.allocate(response.size(cache, version));
        response.write(new ByteBufferAccessor(buffer), cache, version);
        return new MetadataResponseData(new ByteBufferAccessor(buffer.flip()), version);
    }
}
