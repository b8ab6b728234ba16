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
 * kafkajs 2.2.4, a pure-JavaScript client with its own protocol code, against Handoff: admin, produce with keys
 * and headers (plain, gzip, idempotent), consume, and a classic consumer group, each checked with kafka-clients.
 * Runs {@code src/test/interop/kafkajs/scenario.js} with node; skipped unless node and the npm packages are
 * installed ({@code npm ci --prefix testkit/src/test/interop/kafkajs}).
 */
class KafkaJsIT {

    private static final Path SCRIPT_DIR = Path.of("src/test/interop/kafkajs");

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("group.initial.rebalance.delay.ms", "0");

    private static InteropClient kafkajs;

    @BeforeAll
    static void findNodeAndKafkaJs() {
        assumeThat(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/kafkajs")))
                .as("kafkajs is installed (npm ci --prefix testkit/src/test/interop/kafkajs)").isTrue();
        assumeThat(Tools.runs(List.of("node", "--version"))).as("node is on the PATH").isTrue();
        kafkajs = new InteropClient("kafkajs", SCRIPT_DIR, Map.of(), List.of("node", "scenario.js"));
    }

    @Test
    void adminCreatesDescribesGrowsAndDeletesTopics(EmbeddedHandoff broker) throws Exception {
        // When
        ExternalClient admin = kafkajs.run("admin", broker.bootstrapServers(), "js-admin", "js-admin-deleted");

        // Then
        assertThat(admin.exitCode()).as("%s", admin).isZero();
        JsonNode result = admin.event("admin");
        assertThat(result.path("created").asBoolean()).isTrue();
        assertThat(result.path("createdAgain").asBoolean()).as("an existing topic is not created again").isFalse();
        assertThat(result.path("partitions").toString()).isEqualTo(
                "[{\"partition\":0,\"leader\":1,\"replicas\":[1]},{\"partition\":1,\"leader\":1,\"replicas\":[1]},"
                        + "{\"partition\":2,\"leader\":1,\"replicas\":[1]}]");
        assertThat(result.path("offsets").toString()).isEqualTo("[{\"partition\":0,\"high\":\"0\",\"low\":\"0\"},"
                + "{\"partition\":1,\"high\":\"0\",\"low\":\"0\"},{\"partition\":2,\"high\":\"0\",\"low\":\"0\"}]");
        assertThat(result.path("listed").toString()).contains("\"js-admin\"").doesNotContain("js-admin-deleted");
        assertThat(result.path("configs").toString()).isEqualTo("{\"cleanup.policy\":\"delete\"}");
        assertThat(result.path("grownPartitions").asInt()).as("partitions after createPartitions").isEqualTo(4);
        try (Admin kafkaAdmin = TestClients.admin(broker)) {
            assertThat(kafkaAdmin.listTopics().names().get(60, TimeUnit.SECONDS))
                    .contains("js-admin").doesNotContain("js-admin-deleted");
            TopicDescription topic = kafkaAdmin.describeTopics(List.of("js-admin")).allTopicNames()
                    .get(60, TimeUnit.SECONDS).get("js-admin");
            assertThat(topic.partitions()).hasSize(3);
        }
        // The newest versions kafkajs knows, which Handoff advertises too.
        assertThat(admin.versions()).containsEntry("ApiVersions", 2).containsEntry("Metadata", 6)
                .containsEntry("CreateTopics", 3).containsEntry("DeleteTopics", 1).containsEntry("ListOffsets", 3)
                .containsEntry("DescribeConfigs", 2).containsEntry("CreatePartitions", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"None", "GZIP"})
    void producedRecordsWithKeysAndHeadersReadBackExactlyWithKafkaClients(String compression,
                                                                          EmbeddedHandoff broker)
            throws Exception {
        ExternalClient producer = InteropScenarios.produceThenReadBackWithKafkaClients(broker, kafkajs,
                "js-produce-" + compression, compression, "30");

        assertThat(producer.versions()).containsEntry("Produce", 7);
    }

    @Test
    void idempotentProducerRecordsArriveOnce(EmbeddedHandoff broker) throws Exception {
        ExternalClient producer = InteropScenarios.produceThenReadBackWithKafkaClients(broker, kafkajs,
                "js-idempotent", "None", "30", "idempotent");

        assertThat(producer.versions()).containsEntry("InitProducerId", 1).containsEntry("Produce", 7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip"})
    void consumesExactlyWhatKafkaClientsProduced(String compression, EmbeddedHandoff broker) throws Exception {
        ExternalClient consumer = InteropScenarios.produceWithKafkaClientsThenConsume(broker, kafkajs,
                "js-consume-" + compression, compression);

        assertThat(consumer.versions()).containsEntry("Fetch", 11).containsEntry("GroupCoordinator", 2);
    }

    @Test
    void groupMembersSplitPartitionsCommitAndAMemberResumesFromTheCommittedOffsets(EmbeddedHandoff broker)
            throws Exception {
        ExternalClient member = InteropScenarios.groupSplitsPartitionsCommitsAndAMemberResumes(broker, kafkajs,
                "js-group", "js-group");

        assertThat(member.versions()).containsEntry("JoinGroup", 5).containsEntry("SyncGroup", 3)
                .containsEntry("OffsetCommit", 5).containsEntry("OffsetFetch", 4)
                .containsEntry("LeaveGroup", 3).containsEntry("Fetch", 11);
    }
}
