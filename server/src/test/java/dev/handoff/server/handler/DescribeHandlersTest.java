package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData;
import org.apache.kafka.common.message.DescribeTopicPartitionsRequestData.TopicRequest;
import org.apache.kafka.common.message.DescribeTopicPartitionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DescribeConfigs, DescribeCluster and DescribeTopicPartitions. */
class DescribeHandlersTest {

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
    void describesTopicOverridesStaticBrokerSettingsAndDefaults() {
        // Given
        broker.topics.create("t", 1, (short) 1, Map.of("segment.bytes", "1048576"), false);
        DescribeConfigsRequestData request = new DescribeConfigsRequestData().setIncludeSynonyms(true);
        request.resources().add(new DescribeConfigsResource().setResourceType(ConfigResource.Type.TOPIC.id())
                .setResourceName("t").setConfigurationKeys(List.of("segment.bytes", "retention.ms", "flush.ms")));
        // When
        DescribeConfigsResponseData response = broker.call(ApiKeys.DESCRIBE_CONFIGS, (short) 4, request);
        // Then
        List<DescribeConfigsResourceResult> configs = response.results().get(0).configs();
        assertThat(configs).extracting(DescribeConfigsResourceResult::name, DescribeConfigsResourceResult::value,
                DescribeConfigsResourceResult::configSource).containsExactly(
                tuple("flush.ms", Long.toString(Long.MAX_VALUE),
                        ConfigSource.DEFAULT_CONFIG.id()),
                tuple("retention.ms", "604800000",
                        ConfigSource.STATIC_BROKER_CONFIG.id()),
                tuple("segment.bytes", "1048576", ConfigSource.TOPIC_CONFIG.id()));
        assertThat(configs.get(2).synonyms()).hasSize(2);
    }

    @Test
    void refusesAnUnknownTopicAndAnotherBroker() {
        // Given
        DescribeConfigsRequestData request = new DescribeConfigsRequestData();
        request.resources().add(new DescribeConfigsResource().setResourceType(ConfigResource.Type.TOPIC.id())
                .setResourceName("missing"));
        request.resources().add(new DescribeConfigsResource().setResourceType(ConfigResource.Type.BROKER.id())
                .setResourceName("7"));
        request.resources().add(new DescribeConfigsResource().setResourceType(ConfigResource.Type.BROKER.id())
                .setResourceName("1"));
        // When
        DescribeConfigsResponseData response = broker.call(ApiKeys.DESCRIBE_CONFIGS, (short) 4, request);
        // Then
        assertThat(response.results()).extracting(r -> r.errorCode()).containsExactly(
                Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), Errors.INVALID_REQUEST.code(), Errors.NONE.code());
        assertThat(response.results().get(2).configs()).allSatisfy(c -> assertThat(c.readOnly()).isTrue());
    }

    @Test
    void describesThisNodeAsTheWholeCluster() {
        // Given
        DescribeClusterRequestData request = new DescribeClusterRequestData();
        // When
        DescribeClusterResponseData response = broker.call(ApiKeys.DESCRIBE_CLUSTER, (short) 2, request);
        // Then
        assertThat(response.clusterId()).isEqualTo("test-cluster");
        assertThat(response.controllerId()).isEqualTo(1);
        assertThat(response.brokers()).singleElement().satisfies(b -> assertThat(b.port()).isEqualTo(9092));
    }

    @Test
    void pagesPartitionsWithACursor() {
        // Given
        broker.createTopic("a", 3);
        broker.createTopic("b", 2);
        DescribeTopicPartitionsRequestData request = new DescribeTopicPartitionsRequestData()
                .setResponsePartitionLimit(4);
        // When
        DescribeTopicPartitionsResponseData page = broker.call(ApiKeys.DESCRIBE_TOPIC_PARTITIONS, (short) 0,
                request);
        // Then
        assertThat(page.topics()).extracting(t -> t.name(), t -> t.partitions().size()).containsExactly(
                tuple("a", 3), tuple("b", 1));
        assertThat(page.nextCursor().topicName()).isEqualTo("b");
        assertThat(page.nextCursor().partitionIndex()).isEqualTo(1);
    }

    @Test
    void reportsAnUnknownTopicByName() {
        // Given
        DescribeTopicPartitionsRequestData request = new DescribeTopicPartitionsRequestData();
        request.topics().add(new TopicRequest().setName("missing"));
        // When
        DescribeTopicPartitionsResponseData response = broker.call(ApiKeys.DESCRIBE_TOPIC_PARTITIONS, (short) 0,
                request);
        // Then
        assertThat(response.topics().find("missing").errorCode())
                .isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
        assertThat(response.nextCursor()).isNull();
    }
}
