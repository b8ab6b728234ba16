package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.migrate.ClusterPair;
import dev.handoff.migrate.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy C, dual consumer, with live traffic: two application instances read both clusters while producers
 * move; the second instance joins mid-run, which rebalances the group on both clusters.
 */
class DualClusterConsumerIT {

    private static final Logger LOGGER = LoggerFactory.getLogger(DualClusterConsumerIT.class);
    private static final long TOTAL = 1_500;
    private static final int RATE = 500;
    private static final Duration QUIET = Duration.ofSeconds(2);

    @RegisterExtension
    static final ClusterPair CLUSTERS = new ClusterPair();

    @Test
    void consumesEverythingFromBothClustersAcrossRebalancesAndLeavesTheOldOne() throws Exception {
        // Given
        String topic = TestClients.uniqueName("dual");
        TestClients.createTopic(CLUSTERS.oldBootstrap(), topic, 3, Map.of());
        TestClients.createTopic(CLUSTERS.newBootstrap(), topic, 3, Map.of());
        String group = TestClients.uniqueName("dual-group");
        String runId = TestClients.uniqueName("run");
        Queue<Long> consumed = new ConcurrentLinkedQueue<>();
        Queue<ClusterRole> sources = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Instance first = new Instance(group, topic, runId, consumed, sources, running);

        // When
        try (SwitchingProducer producer = new SwitchingProducer(CLUSTERS.oldBootstrap(),
                CLUSTERS.newBootstrap(), topic, runId, TOTAL, RATE).start()) {
            first.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sent() >= TOTAL / 3);
            Instance second = new Instance(group, topic, runId, consumed, sources, running);
            second.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> producer.sent() >= TOTAL / 2);
            producer.cutover();
            await().atMost(Duration.ofSeconds(60)).until(producer::done);
            await().atMost(Duration.ofSeconds(60)).until(() -> first.oldDropped && second.oldDropped);
            await().atMost(Duration.ofSeconds(60)).until(() -> consumed.stream().distinct().count() >= TOTAL);
            running.set(false);
            first.join();
            second.join();

            // Then
            VerificationReport report = MigrationVerifier.compare(LongStream.range(0, TOTAL).boxed().toList(),
                    List.copyOf(consumed));
            LOGGER.info("Strategy C: {}", report.render());
            assertThat(first.failure).isNull();
            assertThat(second.failure).isNull();
            assertThat(report.lost()).isZero();
            assertThat(report.unexpected()).isZero();
            assertThat(sources).contains(ClusterRole.OLD, ClusterRole.NEW);
        }
    }

    /** One application instance: a poll loop over a DualClusterConsumer on its own thread. */
    private static final class Instance extends Thread {

        private final String group;
        private final String topic;
        private final String runId;
        private final Queue<Long> consumed;
        private final Queue<ClusterRole> sources;
        private final AtomicBoolean running;
        private volatile boolean oldDropped;
        private volatile Throwable failure;

        Instance(String group, String topic, String runId, Queue<Long> consumed, Queue<ClusterRole> sources,
                 AtomicBoolean running) {
            super("dual-" + group);
            this.group = group;
            this.topic = topic;
            this.runId = runId;
            this.consumed = consumed;
            this.sources = sources;
            this.running = running;
        }

        @Override
        public void run() {
            Properties properties = TestClients.groupConsumerProperties(group, "consumer");
            try (DualClusterConsumer<String, byte[]> consumer = DualClusterConsumer.create(properties,
                    CLUSTERS.oldBootstrap(), CLUSTERS.newBootstrap(), new StringDeserializer(),
                    new ByteArrayDeserializer(), QUIET)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    for (SourcedRecord<String, byte[]> record : consumer.poll(TestClients.pollTimeout())) {
                        SequenceRecords.seqOf(record.record().headers(), runId).ifPresent(consumed::add);
                        sources.add(record.source());
                    }
                    oldDropped = consumer.oldClusterDropped();
                }
                consumer.commitSync();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }
}
