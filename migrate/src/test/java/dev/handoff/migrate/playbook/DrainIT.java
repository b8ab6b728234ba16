package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.migrate.ClusterPair;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.PollingMember;
import dev.handoff.migrate.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final ClusterPair CLUSTERS = new ClusterPair();

    @Test
    void groupThatDrainsTheOldClusterBeforeMovingLosesNothing() throws Exception {
        // Given
        String topic = TestClients.uniqueName("drain");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 3, Map.of());
        TestClients.createTopic(CLUSTERS.newBootstrap(), topic, 3, Map.of());
        String group = TestClients.uniqueName("drain-group");
        String runId = TestClients.uniqueName("run");
        List<Long> consumed = new ArrayList<>();
        try (SwitchingProducer producer = new SwitchingProducer(CLUSTERS.oldBootstrap(),
                CLUSTERS.newBootstrap(), topic, runId, TOTAL, RATE).start()) {
            PollingMember onOld = new PollingMember(CLUSTERS.oldBootstrap(), group, "consumer", topic, true,
                    runId);
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sent() >= TOTAL / 3);
            producer.cutover();

            // When
            CommandRun drain = CommandRun.of(new DrainCommand(), "--from", CLUSTERS.oldBootstrap(),
                    "--group", group, "--interval", "PT1S", "--timeout", "PT60S", "--no-progress");
            onOld.close();
            consumed.addAll(onOld.consumed());
            PollingMember onNew = new PollingMember(CLUSTERS.newBootstrap(), group, "consumer", topic, true,
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
            CommandRun verify = CommandRun.of(new VerifyCommand(), "--from", CLUSTERS.oldBootstrap(),
                    "--to", CLUSTERS.newBootstrap(), "--topic", topic, "--run", runId, "--group", group,
                    "--expected", Long.toString(TOTAL));
            assertThat(verify.exitCode()).as(verify.out()).isZero();
        }
    }

    @Test
    void groupWithLagAndNoConsumersTimesOut() throws Exception {
        // Given
        String topic = TestClients.uniqueName("stalled");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 1, Map.of());
        String group = TestClients.uniqueName("stalled-group");
        CommandRun load = CommandRun.of(new LoadCommand(), "--to", CLUSTERS.oldBootstrap(), "--topic", topic,
                "--run", "r", "--count", "20", "--rate", "0");
        assertThat(load.exitCode()).isZero();
        try (KafkaConsumer<String, byte[]> committer =
                     TestClients.groupConsumer(CLUSTERS.oldBootstrap(), group, "classic")) {
            committer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)));
        }

        // When
        CommandRun drain = CommandRun.of(new DrainCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--group", group, "--interval", "PT1S", "--timeout", "PT3S", "--json");

        // Then
        assertThat(drain.exitCode()).isEqualTo(DrainCommand.TIMED_OUT);
        assertThat(drain.out()).contains("\"drained\" : false").contains("\"lag\" : 15");
    }
}
