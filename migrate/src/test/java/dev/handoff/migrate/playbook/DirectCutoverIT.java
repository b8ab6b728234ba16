package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.ClusterPair;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy A, direct cutover, with live traffic: the producers move to the new cluster, the consumers drain the
 * old one and then start on the new one. Consumers here assign partitions themselves, so the test runs on any
 * broker with produce and fetch; where they start on the new cluster is exactly what a group's first position
 * would be. The loss window is measured, and reported in the log, not hidden.
 */
class DirectCutoverIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(DirectCutoverIT.class);
    private static final long TOTAL = 1_200;
    private static final int RATE = 400;
    private static final long CUTOVER_AT = 400;
    /** How many records reach the new cluster before the consumers start there: the operator's gap. */
    private static final long GAP_RECORDS = 100;

    @RegisterExtension
    static final ClusterPair CLUSTERS = new ClusterPair();

    @Test
    void consumersStartingAtTheNewClustersEndLoseWhatWasProducedInTheGap() throws Exception {
        // Given
        String topic = copiedTopic();

        // When
        Cutover cutover = runCutover(topic, false);

        // Then
        VerificationReport report = MigrationVerifier.compare(LongStream.range(0, TOTAL).boxed().toList(),
                cutover.consumed());
        LOGGER.info("Strategy A, start at latest: loss window {} records ({} ms at {} records/s): {}",
                report.lost(), report.lost() * 1000 / RATE, RATE, report.render());
        assertThat(report.lost()).isEqualTo(cutover.skippedOnNew()).isGreaterThanOrEqualTo(GAP_RECORDS);
        assertThat(report.duplicates()).isZero();
    }

    @Test
    void consumersStartingAtTheNewClustersLogStartLoseNothing() throws Exception {
        // Given
        String topic = copiedTopic();

        // When
        Cutover cutover = runCutover(topic, true);

        // Then
        VerificationReport report = MigrationVerifier.compare(LongStream.range(0, TOTAL).boxed().toList(),
                cutover.consumed());
        LOGGER.info("Strategy A, start at log start (translated positions): {}", report.render());
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
    }

    private record Cutover(List<Long> consumed, long skippedOnNew) {
    }

    private static String copiedTopic() {
        String topic = TestClients.uniqueName("cutover");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 3, Map.of());
        CommandRun copy = CommandRun.of(new CopyTopicsCommand(), "--from", CLUSTERS.oldBootstrap(),
                "--to", CLUSTERS.newBootstrap(), "--topics", topic.replace("-", "\\-"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        return topic;
    }

    private static Cutover runCutover(String topic, boolean fromLogStart) throws Exception {
        String runId = TestClients.uniqueName("run");
        List<Long> consumed = new ArrayList<>();
        try (SwitchingProducer producer = new SwitchingProducer(CLUSTERS.oldBootstrap(),
                CLUSTERS.newBootstrap(), topic, runId, TOTAL, RATE).start();
             KafkaConsumer<String, byte[]> onOld = consumer(CLUSTERS.oldBootstrap(), topic, OptionalLong.of(0))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sent() >= CUTOVER_AT);
            producer.cutover();
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sentToNew() > 0);
            readToEnd(onOld, runId, consumed);
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sentToNew() >= GAP_RECORDS);
            try (KafkaConsumer<String, byte[]> onNew = consumer(CLUSTERS.newBootstrap(), topic,
                    fromLogStart ? OptionalLong.of(0) : OptionalLong.empty())) {
                long skipped = onNew.assignment().stream().mapToLong(onNew::position).sum();
                await().atMost(Duration.ofSeconds(60)).until(producer::done);
                assertThat(producer.failure()).isNull();
                readToEnd(onNew, runId, consumed);
                return new Cutover(consumed, skipped);
            }
        }
    }

    /** Assigns every partition, at offset 0 or, without one, at the end (a fresh group with latest). */
    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String topic, OptionalLong start) {
        Properties properties = ClientSettings.of(bootstrapServers).forClient("cutover-consumer");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (start.isPresent()) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static void readToEnd(KafkaConsumer<String, byte[]> consumer, String runId, List<Long> consumed) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(TestClients.pollTimeout())) {
                SequenceRecords.seqOf(record.headers(), runId).ifPresent(consumed::add);
            }
        }
    }
}
