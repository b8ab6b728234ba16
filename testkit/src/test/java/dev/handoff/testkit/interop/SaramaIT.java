package dev.handoff.testkit.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sarama 1.22.1 (Go, Debian's golang-github-shopify-sarama-dev) against Handoff, with {@code config.Version =
 * V2_1_0_0}: ClusterAdmin, SyncProducer with every codec and idempotence, partition consumers, and a consumer
 * group, each checked with kafka-clients. Builds {@code src/test/interop/sarama} in GOPATH mode; skipped unless
 * go and sarama's sources are installed (GOPATH from {@code HANDOFF_SARAMA_GOPATH}, else /usr/share/gocode).
 */
class SaramaIT {

    private static final Path SOURCE_DIR = Path.of("src/test/interop/sarama");
    private static final Path BINARY = Path.of("target/interop/sarama-interop").toAbsolutePath();

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0");

    private static InteropClient sarama;

    @BeforeAll
    static void buildTheSaramaProgram() throws Exception {
        String gopath = System.getenv().getOrDefault("HANDOFF_SARAMA_GOPATH", "/usr/share/gocode");
        assumeThat(Files.isDirectory(Path.of(gopath, "src/github.com/Shopify/sarama")))
                .as("sarama's sources are installed (apt-get install golang-github-shopify-sarama-dev)").isTrue();
        assumeThat(Tools.runs(List.of("go", "version"))).as("go is on the PATH").isTrue();
        Files.createDirectories(BINARY.getParent());
        ExternalClient build = ExternalClient.run(SOURCE_DIR, Map.of("GO111MODULE", "off", "GOPATH", gopath),
                List.of("go", "build", "-o", BINARY.toString(), "."));
        assertThat(build.exitCode()).as("go build: %s", build).isZero();
        sarama = new InteropClient("sarama", SOURCE_DIR, Map.of(), List.of(BINARY.toString()));
    }

    @Test
    void clusterAdminCreatesDescribesGrowsAndDeletesTopics(EmbeddedHandoff broker) throws Exception {
        // When: DescribeCluster sends Metadata v0, CreateTopic v2, CreatePartitions v0, DeleteTopic v1
        ExternalClient admin = sarama.run("admin", broker.bootstrapServers(), "go-admin", "go-admin-deleted");

        // Then
        assertThat(admin.exitCode()).as("%s", admin).isZero();
        JsonNode result = admin.event("admin");
        assertThat(result.path("brokers").toString()).isEqualTo("[1]");
        assertThat(result.path("createdAgain").asText()).contains("already exists");
        assertThat(result.path("topicError").asText()).isEmpty();
        assertThat(result.path("grown").asInt()).as("partitions after CreatePartitions").isEqualTo(4);
        assertThat(result.path("partitions").toString()).isEqualTo(
                "[{\"leader\":1,\"partition\":0,\"replicas\":[1]},{\"leader\":1,\"partition\":1,\"replicas\":[1]},"
                        + "{\"leader\":1,\"partition\":2,\"replicas\":[1]}]");
        try (Admin kafkaAdmin = TestClients.admin(broker)) {
            assertThat(kafkaAdmin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .contains("go-admin").doesNotContain("go-admin-deleted");
            TopicDescription topic = kafkaAdmin.describeTopics(List.of("go-admin")).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get("go-admin");
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4"})
    void syncProducerRecordsWithKeysAndHeadersReadBackExactlyWithKafkaClients(String codec, EmbeddedHandoff broker)
            throws Exception {
        InteropScenarios.produceThenReadBackWithKafkaClients(broker, sarama, "go-produce-" + codec, codec, "30");
    }

    @Test
    void idempotentProducerRecordsArriveOnce(EmbeddedHandoff broker) throws Exception {
        InteropScenarios.produceThenReadBackWithKafkaClients(broker, sarama, "go-idempotent", "none", "30",
                "idempotent");
    }

    @Test
    void zstdInProduceVersion3IsRefusedAsKafkaDoesAndNothingIsStored(EmbeddedHandoff broker) throws Exception {
        // Given: sarama 1.22 sends Produce v3 only; zstd needs v7 (KIP-110)
        KafkaClients.createTopic(broker, "go-zstd", InteropScenarios.PARTITIONS);

        // When
        ExternalClient producer = sarama.run("produce", broker.bootstrapServers(), "go-zstd", "zstd", "6");

        // Then
        assertThat(producer.exitCode()).as("%s", producer).isNotZero();
        assertThat(producer.stderr()).contains("does not support the compression type");
        assertThat(KafkaClients.endOffsets(broker, KafkaClients.partitions("go-zstd", InteropScenarios.PARTITIONS)))
                .isEqualTo(Map.of(0, 0L, 1, 0L, 2, 0L));
    }

    /**
     * zstd included: with the topic's compression.type at its default ("producer") Kafka serves stored zstd
     * batches even to Fetch v4; only a topic configured for zstd refuses fetches below v10.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void partitionConsumersReadExactlyWhatKafkaClientsProduced(String compression, EmbeddedHandoff broker)
            throws Exception {
        InteropScenarios.produceWithKafkaClientsThenConsume(broker, sarama, "go-consume-" + compression,
                compression);
    }

    @Test
    void groupMembersSplitPartitionsCommitAndAMemberResumesFromTheCommittedOffsets(EmbeddedHandoff broker)
            throws Exception {
        InteropScenarios.groupSplitsPartitionsCommitsAndAMemberResumes(broker, sarama, "go-group", "go-group");
    }
}
