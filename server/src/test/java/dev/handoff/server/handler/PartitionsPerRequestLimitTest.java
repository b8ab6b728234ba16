package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopicCollection;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicCollection;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request may create at most 10,000 partitions in all (KAFKA-17870, KAFKA-19673); found by the protocol fuzzer,
 * where one bit flip in a partition count opened a log per partition until the broker ran out of file handles.
 */
class PartitionsPerRequestLimitTest {

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
    void createTopicsAskingForMoreThanTenThousandPartitionsInAllFailsWholeWithPolicyViolation() {
        // Given
        CreatableTopicCollection topics = new CreatableTopicCollection();
        topics.add(new CreatableTopic().setName("small").setNumPartitions(1).setReplicationFactor((short) 1));
        topics.add(new CreatableTopic().setName("huge").setNumPartitions(10_000).setReplicationFactor((short) 1));
        CreateTopicsRequestData request = new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(1000);

        // When
        CreateTopicsResponseData response = broker.call(ApiKeys.CREATE_TOPICS, (short) 7, request);

        // Then
        assertThat(response.topics()).extracting(CreatableTopicResult::errorCode)
                .containsOnly(Errors.POLICY_VIOLATION.code());
        assertThat(broker.topics.topic("small")).isEmpty();
        assertThat(broker.topics.topic("huge")).isEmpty();
    }

    @Test
    void createTopicsUpToTheLimitStillWorks() {
        // Given
        CreatableTopicCollection topics = new CreatableTopicCollection();
        topics.add(new CreatableTopic().setName("wide").setNumPartitions(100).setReplicationFactor((short) 1));
        CreateTopicsRequestData request = new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(1000)
                .setValidateOnly(true);

        // When
        CreateTopicsResponseData response = broker.call(ApiKeys.CREATE_TOPICS, (short) 7, request);

        // Then
        assertThat(response.topics().find("wide").errorCode()).isEqualTo(Errors.NONE.code());
    }

    @Test
    void createPartitionsAddingMoreThanTenThousandFailsWithPolicyViolation() {
        // Given
        broker.createTopic("grows", 1);
        CreatePartitionsTopicCollection topics = new CreatePartitionsTopicCollection();
        topics.add(new CreatePartitionsTopic().setName("grows").setCount(10_002));
        CreatePartitionsRequestData request = new CreatePartitionsRequestData().setTimeoutMs(1000).setTopics(topics);

        // When
        CreatePartitionsResponseData response = broker.call(ApiKeys.CREATE_PARTITIONS, (short) 3, request);

        // Then
        assertThat(response.results()).extracting(CreatePartitionsTopicResult::errorCode)
                .containsExactly(Errors.POLICY_VIOLATION.code());
        assertThat(broker.topics.topic("grows").orElseThrow().partitions()).isEqualTo(1);
    }
}
