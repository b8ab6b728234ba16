package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.migrate.ClusterPair;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.Futures;
import dev.handoff.migrate.TestClients;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Strategy A's first step between two real clusters. */
class CopyTopicsIT {

    @RegisterExtension
    static final ClusterPair CLUSTERS = new ClusterPair();

    @Test
    void copiesMatchingTopicsWithPartitionCountsAndExplicitConfigs() {
        // Given
        String prefix = TestClients.uniqueName("copy");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), prefix + ".orders", 5,
                Map.of("retention.ms", "86400000"));
        TestClients.createTopic(CLUSTERS.oldBootstrap(), prefix + ".audit", 2, Map.of());
        TestClients.createTopic(CLUSTERS.oldBootstrap(), TestClients.uniqueName("other"), 1, Map.of());

        // When
        CommandRun run = CommandRun.of(new CopyTopicsCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--to", CLUSTERS.newBootstrap(), "--topics", prefix.replace("-", "\\-") + "\\..*");

        // Then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(prefix + ".orders").contains("CREATE").contains("Cutover checklist");
        try (Admin target = TestClients.admin(CLUSTERS.newBootstrap())) {
            Map<String, TopicDescription> topics = Futures.get(target.describeTopics(
                    List.of(prefix + ".orders", prefix + ".audit")).allTopicNames());
            assertThat(topics.get(prefix + ".orders").partitions()).hasSize(5);
            assertThat(topics.get(prefix + ".audit").partitions()).hasSize(2);
            ConfigResource orders = new ConfigResource(ConfigResource.Type.TOPIC, prefix + ".orders");
            Config config = Futures.get(target.describeConfigs(List.of(orders)).all()).get(orders);
            assertThat(config.get("retention.ms").value()).isEqualTo("86400000");
        }
    }

    @Test
    void secondRunLeavesExistingTopicsAloneAndFlagsPartitionCountConflicts() {
        // Given
        String topic = TestClients.uniqueName("conflict");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 4, Map.of());
        TestClients.createTopic(CLUSTERS.newBootstrap(), topic, 2, Map.of());

        // When
        CommandRun run = CommandRun.of(new CopyTopicsCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--to", CLUSTERS.newBootstrap(), "--topics", topic.replace("-", "\\-"), "--json");

        // Then
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"action\" : \"CONFLICT\"").contains("target has 2 partitions, source 4");
    }

    @Test
    void dryRunCreatesNothing() {
        // Given
        String topic = TestClients.uniqueName("dry");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 1, Map.of());

        // When
        CommandRun run = CommandRun.of(new CopyTopicsCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--to", CLUSTERS.newBootstrap(), "--topics", topic.replace("-", "\\-"), "--dry-run");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Plan (dry run)");
        try (Admin target = TestClients.admin(CLUSTERS.newBootstrap())) {
            assertThat(Futures.get(target.listTopics().names())).doesNotContain(topic);
        }
    }
}
