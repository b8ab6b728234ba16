package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.migrate.ClusterPair;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.TestClients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code migrate load} on two clusters, then {@code migrate verify} accounting for every record. */
class LoadVerifyIT {

    @RegisterExtension
    static final ClusterPair CLUSTERS = new ClusterPair();

    @Test
    void runSplitAcrossTwoClustersIsCompleteAndOverstatedCountIsReportedAsLoss() {
        // Given
        String topic = topicOnBoth();
        load(CLUSTERS.oldBootstrap(), topic, "run-a", 0, 300);
        load(CLUSTERS.newBootstrap(), topic, "run-a", 300, 300);

        // When
        CommandRun complete = verify(topic, "run-a", "600");
        CommandRun overstated = verify(topic, "run-a", "650");

        // Then
        assertThat(complete.exitCode()).as(complete.err()).isZero();
        assertThat(complete.out()).contains("300 records stored on " + CLUSTERS.oldBootstrap())
                .contains("lost 0,").contains("duplicates 0");
        assertThat(overstated.exitCode()).isEqualTo(VerifyCommand.LOSS);
        assertThat(overstated.out()).contains("lost 50 (first: [600, 601, 602");
    }

    @Test
    void recordsWrittenToBothClustersAreCountedAsDuplicates() {
        // Given
        String topic = topicOnBoth();
        load(CLUSTERS.oldBootstrap(), topic, "run-b", 0, 100);
        load(CLUSTERS.newBootstrap(), topic, "run-b", 90, 110);

        // When
        CommandRun run = verify(topic, "run-b", "200");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("lost 0,").contains("duplicates 10 (first: [90, 91");
    }

    private static String topicOnBoth() {
        String topic = TestClients.uniqueName("load");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 3, Map.of());
        TestClients.createTopic(CLUSTERS.newBootstrap(), topic, 3, Map.of());
        return topic;
    }

    private static void load(String bootstrapServers, String topic, String runId, long start, long count) {
        CommandRun run = CommandRun.of(new LoadCommand(), "--to", bootstrapServers, "--topic", topic,
                "--run", runId, "--start", Long.toString(start), "--count", Long.toString(count), "--rate", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static CommandRun verify(String topic, String runId, String expected) {
        return CommandRun.of(new VerifyCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--to", CLUSTERS.newBootstrap(), "--topic", topic, "--run", runId, "--expected", expected);
    }
}
