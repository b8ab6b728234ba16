package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateTopics, DeleteTopics and CreatePartitions. */
class TopicAdminHandlersTest {

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
    void createsATopicWithBrokerDefaultsAndReportsItsIdAndConfigs() {
        // Given
        CreateTopicsRequestData request = create(new CreatableTopic().setName("t").setNumPartitions(-1)
                .setReplicationFactor((short) -1));
        // When
        CreateTopicsResponseData response = broker.call(ApiKeys.CREATE_TOPICS, (short) 7, request);
        // Then
        CreatableTopicResult result = response.topics().find("t");
        assertThat(result.errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(result.numPartitions()).isEqualTo(3);
        assertThat(result.replicationFactor()).isEqualTo((short) 1);
        assertThat(result.topicId()).isEqualTo(broker.topics.topic("t").orElseThrow().topicId());
        assertThat(result.configs()).anySatisfy(c -> assertThat(c.name()).isEqualTo("retention.ms"));
    }

    @Test
    void answersKafkasErrorsForImpossibleTopics() {
        // Given
        broker.createTopic("exists", 1);
        CreateTopicsRequestData request = create(
                new CreatableTopic().setName("exists").setNumPartitions(1).setReplicationFactor((short) 1),
                new CreatableTopic().setName("zero").setNumPartitions(0).setReplicationFactor((short) 1),
                new CreatableTopic().setName("replicated").setNumPartitions(1).setReplicationFactor((short) 3),
                new CreatableTopic().setName("bad name").setNumPartitions(1).setReplicationFactor((short) 1),
                configured("bad-config", "retention.ms", "soon"),
                configured("unknown-config", "no.such.config", "1"));
        // When
        CreateTopicsResponseData response = broker.call(ApiKeys.CREATE_TOPICS, (short) 7, request);
        // Then
        assertThat(response.topics()).extracting(CreatableTopicResult::name, CreatableTopicResult::errorCode)
                .containsExactly(
                        tuple("exists", Errors.TOPIC_ALREADY_EXISTS.code()),
                        tuple("zero", Errors.INVALID_PARTITIONS.code()),
                        tuple("replicated", Errors.INVALID_REPLICATION_FACTOR.code()),
                        tuple("bad name", Errors.INVALID_TOPIC_EXCEPTION.code()),
                        tuple("bad-config", Errors.INVALID_CONFIG.code()),
                        tuple("unknown-config", Errors.INVALID_CONFIG.code()));
    }

    @Test
    void validateOnlyCreatesNothing() {
        // Given
        CreateTopicsRequestData request = create(new CreatableTopic().setName("dry").setNumPartitions(2)
                .setReplicationFactor((short) 1)).setValidateOnly(true);
        // When
        CreateTopicsResponseData response = broker.call(ApiKeys.CREATE_TOPICS, (short) 7, request);
        // Then
        assertThat(response.topics().find("dry").errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(broker.topics.topic("dry")).isEmpty();
    }

    @Test
    void deletesTopicsByNameAndById() {
        // Given
        broker.createTopic("by-name", 1);
        broker.createTopic("by-id", 1);
        Uuid id = broker.topics.topic("by-id").orElseThrow().topicId();
        DeleteTopicsRequestData request = new DeleteTopicsRequestData().setTopics(List.of(
                new DeleteTopicState().setName("by-name"),
                new DeleteTopicState().setTopicId(id),
                new DeleteTopicState().setName("missing")));
        // When
        DeleteTopicsResponseData response = broker.call(ApiKeys.DELETE_TOPICS, (short) 6, request);
        // Then
        assertThat(response.responses()).extracting(r -> r.errorCode()).containsExactly(Errors.NONE.code(),
                Errors.NONE.code(), Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(broker.topics.topics()).isEmpty();
        assertThat(broker.logs.all()).isEmpty();
    }

    @Test
    void growsATopicButNeverShrinksIt() {
        // Given
        broker.createTopic("t", 2);
        CreatePartitionsRequestData grow = new CreatePartitionsRequestData();
        grow.topics().add(new CreatePartitionsTopic().setName("t").setCount(4));
        CreatePartitionsRequestData shrink = new CreatePartitionsRequestData();
        shrink.topics().add(new CreatePartitionsTopic().setName("t").setCount(1));
        // When
        CreatePartitionsResponseData grown = broker.call(ApiKeys.CREATE_PARTITIONS, (short) 3, grow);
        CreatePartitionsResponseData shrunk = broker.call(ApiKeys.CREATE_PARTITIONS, (short) 3, shrink);
        // Then
        assertThat(grown.results().get(0).errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(shrunk.results().get(0).errorCode()).isEqualTo(Errors.INVALID_PARTITIONS.code());
        assertThat(broker.topics.topic("t").orElseThrow().partitions()).isEqualTo(4);
        assertThat(broker.topics.partition("t", 3)).isPresent();
    }

    private static CreateTopicsRequestData create(CreatableTopic... topics) {
        CreateTopicsRequestData request = new CreateTopicsRequestData();
        for (CreatableTopic topic : topics) {
            request.topics().add(topic);
        }
        return request;
    }

    private static CreatableTopic configured(String name, String config, String value) {
        CreatableTopic topic = new CreatableTopic().setName(name).setNumPartitions(1)
                .setReplicationFactor((short) 1);
        topic.configs().add(new CreatableTopicConfig().setName(config).setValue(value));
        return topic;
    }
}
