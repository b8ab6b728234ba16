package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.PollingMember;
import dev.handoff.migrate.TestClients;
import dev.handoff.migrate.TestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy B, sequential transition, with live traffic: producers move to the new cluster, {@code migrate drain}
 * waits until the group has consumed everything on the old one, then the group moves.
 */
class DrainIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(DrainIT.class);
    private static final long TOTAL = 1_500;
    private static final int RATE = 500;

    private static TestCluster oldCluster;
    private static TestCluster newCluster;

    @BeforeAll
    static void startClusters() {
        oldCluster = TestCluster.start("old");
        newCluster = TestCluster.start("new");
    }

    @AfterAll
    static void stopClusters() {
        oldCluster.close();
        newCluster.close();
    }

    @Test
    void groupThatDrainsTheOldClusterBeforeMovingLosesNothing() throws Exception {
        // Given
        String topic = TestClients.uniqueName("drain");
        TestClients.createTopic(oldCluster.bootstrapServers(), topic, 3, Map.of());
        TestClients.createTopic(newCluster.bootstrapServers(), topic, 3, Map.of());
        String group = TestClients.uniqueName("drain-group");
        String runId = TestClients.uniqueName("run");
        List<Long> consumed = new ArrayList<>();
        try (SwitchingProducer producer = new SwitchingProducer(oldCluster.bootstrapServers(),
                newCluster.bootstrapServers(), topic, runId, TOTAL, RATE).start()) {
            PollingMember onOld = new PollingMember(oldCluster.bootstrapServers(), group, "consumer", topic, true,
                    runId);
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sent() >= TOTAL / 3);
            producer.cutover();

            // When
            CommandRun drain = CommandRun.of(new DrainCommand(), "--from", oldCluster.bootstrapServers(),
                    "--group", group, "--interval", "PT1S", "--timeout", "PT60S", "--no-progress");
            onOld.close();
            consumed.addAll(onOld.consumed());
            PollingMember onNew = new PollingMember(newCluster.bootstrapServers(), group, "consumer", topic, true,
                    runId);
            await().atMost(Duration.ofSeconds(60)).until(producer::done);
            await().atMost(Duration.ofSeconds(60)).until(() -> onNew.consumed().size() >= producer.sentToNew());
            onNew.close();
            consumed.addAll(onNew.consumed());

            // Then
            assertThat(drain.exitCode()).as(drain.out() + drain.err()).isZero();
            assertThat(drain.out()).contains("is drained");
            VerificationReport report = MigrationVerifier.compare(LongStream.range(0, TOTAL).boxed().toList(),
                    consumed);
            LOGGER.info("Strategy B: {}", report.render());
            assertThat(report.lost()).isZero();
            CommandRun verify = CommandRun.of(new VerifyCommand(), "--from", oldCluster.bootstrapServers(),
                    "--to", newCluster.bootstrapServers(), "--topic", topic, "--run", runId, "--group", group,
                    "--expected", Long.toString(TOTAL));
            assertThat(verify.exitCode()).as(verify.out()).isZero();
        }
    }

    @Test
    void groupWithLagAndNoConsumersTimesOut() throws Exception {
        // Given
        String topic = TestClients.uniqueName("stalled");
        TestClients.createTopic(oldCluster.bootstrapServers(), topic, 1, Map.of());
        String group = TestClients.uniqueName("stalled-group");
        CommandRun load = CommandRun.of(new LoadCommand(), "--to", oldCluster.bootstrapServers(), "--topic", topic,
                "--run", "r", "--count", "20", "--rate", "0");
        assertThat(load.exitCode()).isZero();
        try (KafkaConsumer<String, byte[]> committer =
                     TestClients.groupConsumer(oldCluster.bootstrapServers(), group, "classic")) {
            committer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)));
        }

        // When
        CommandRun drain = CommandRun.of(new DrainCommand(), "--from", oldCluster.bootstrapServers(),
                "--group", group, "--interval", "PT1S", "--timeout", "PT3S", "--json");

        // Then
        assertThat(drain.exitCode()).isEqualTo(DrainCommand.TIMED_OUT);
        assertThat(drain.out()).contains("\"drained\" : false").contains("\"lag\" : 15");
    }
}
