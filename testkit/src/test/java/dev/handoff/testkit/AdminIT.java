package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Admin client's topic, cluster and config operations against one broker. */
class AdminIT {

    private static final int NUM_PARTITIONS = 4;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("num.partitions", Integer.toString(NUM_PARTITIONS));

    private static Admin admin;

    @BeforeAll
    static void connect(EmbeddedHandoff broker) {
        admin = TestClients.admin(broker);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @Test
    void createdTopicIsListedAndDescribedWithItsPartitions() throws Exception {
        // Given
        create(new NewTopic("orders", 3, (short) 1));

        // When
        TopicDescription description = get(admin.describeTopics(List.of("orders")).topicNameValues().get("orders"));

        // Then
        Node node = get(admin.describeCluster().nodes()).iterator().next();
        assertThat(get(admin.listTopics().names())).contains("orders");
        assertThat(description.topicId()).isNotEqualTo(Uuid.ZERO_UUID);
        assertThat(description.partitions()).extracting(TopicPartitionInfo::partition).containsExactly(0, 1, 2);
        assertThat(description.partitions()).allSatisfy(p -> {
            assertThat(p.leader()).isEqualTo(node);
            assertThat(p.replicas()).containsExactly(node);
            assertThat(p.isr()).containsExactly(node);
        });
    }

    @Test
    void deletedTopicIsGone() throws Exception {
        // Given
        create(new NewTopic("short-lived", 1, (short) 1));

        // When
        get(admin.deleteTopics(List.of("short-lived")).all());

        // Then
        assertThat(get(admin.listTopics().names())).doesNotContain("short-lived");
        assertThatThrownBy(() -> get(admin.describeTopics(List.of("short-lived")).allTopicNames()))
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void describeClusterNamesTheOneBrokerAndACluster(EmbeddedHandoff broker) throws Exception {
        // When
        Collection<Node> nodes = get(admin.describeCluster().nodes());
        String clusterId = get(admin.describeCluster().clusterId());

        // Then
        assertThat(nodes).singleElement().satisfies(node -> {
            assertThat(node.host()).isEqualTo("127.0.0.1");
            assertThat(node.port()).isEqualTo(broker.address().getPort());
        });
        assertThat(clusterId).isNotBlank();
    }

    @Test
    void describeConfigsOfATopicShowsItsOverrideAndTheDefaults() throws Exception {
        // Given
        create(new NewTopic("configured", 1, (short) 1).configs(Map.of("retention.ms", "3600000")));
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "configured");

        // When
        Config config = get(admin.describeConfigs(List.of(topic)).values().get(topic));

        // Then
        assertThat(config.get("retention.ms")).satisfies(entry -> {
            assertThat(entry.value()).isEqualTo("3600000");
            assertThat(entry.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        });
        assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void describeConfigsOfTheBrokerShowsItsSettings() throws Exception {
        // Given
        Node node = get(admin.describeCluster().nodes()).iterator().next();
        ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, node.idString());

        // When
        Config config = get(admin.describeConfigs(List.of(brokerResource)).values().get(brokerResource));

        // Then
        assertThat(config.get("num.partitions").value()).isEqualTo(Integer.toString(NUM_PARTITIONS));
    }

    @Test
    void createPartitionsAddsPartitionsToATopic() throws Exception {
        // Given
        create(new NewTopic("growing", 2, (short) 1));

        // When
        get(admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(5))).all());

        // Then
        TopicDescription description = get(admin.describeTopics(List.of("growing")).topicNameValues().get("growing"));
        assertThat(description.partitions()).hasSize(5);
    }

    @Test
    void rejectsAnInvalidTopicName() {
        // When / Then
        assertThatThrownBy(() -> create(new NewTopic("not a valid name!", 1, (short) 1)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InvalidTopicException.class);
    }

    @Test
    void producingToAnUnknownTopicCreatesItWithNumPartitions(EmbeddedHandoff broker) throws Exception {
        // Given
        String topic = "auto-created";

        // When
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            producer.send(new ProducerRecord<>(topic, new byte[] {1})).get(TestClients.TIMEOUT.toSeconds(),
                    TimeUnit.SECONDS);
        }

        // Then
        assertThat(get(admin.listTopics().names())).contains(topic);
        TopicDescription description = get(admin.describeTopics(Set.of(topic)).topicNameValues().get(topic));
        assertThat(description.partitions()).hasSize(NUM_PARTITIONS);
    }

    private static void create(NewTopic topic) throws Exception {
        get(admin.createTopics(List.of(topic)).all());
    }

    private static <T> T get(KafkaFuture<T> future) throws Exception {
        return future.get(TestClients.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
