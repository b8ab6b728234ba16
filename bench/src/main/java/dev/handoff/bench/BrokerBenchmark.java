package dev.handoff.bench;

import dev.handoff.bench.BrokerFigures.LoadFigures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the broker benchmark against one kind of broker: times fresh launches, and puts the producer and consumer
 * load through another one, reading its memory before and after.
 */
final class BrokerBenchmark {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerBenchmark.class);
    private static final short REPLICATION_FACTOR = 1;
    private static final Duration TOPIC_READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TOPIC_READY_RETRY = Duration.ofMillis(50);
    private static final Comparator<Throughput> BY_ELAPSED = Comparator.comparing(Throughput::elapsed);

    private final LoadSettings settings;

    BrokerBenchmark(LoadSettings settings) {
        this.settings = settings;
    }

    /**
     * Times {@code startups} fresh launches of each broker, the brokers taking turns (first launch of each, then
     * the second of each, ...), all before any load: so that neither starts while the machine is still writing
     * back the other's load (the dirty pages of its log, its JVM's exit), and both meet the same conditions.
     *
     * @param launchers each broker's launcher, which starts it fresh (new data directory) and returns once ready
     * @return each broker's start-up times, in launch order
     */
    <B> Map<B, List<Duration>> timeStartupsInTurn(Map<B, Supplier<BrokerProcess>> launchers) {
        Map<B, List<Duration>> startupTimes = new LinkedHashMap<>();
        for (int launch = 1; launch <= settings.startups(); launch++) {
            for (Map.Entry<B, Supplier<BrokerProcess>> broker : launchers.entrySet()) {
                try (BrokerProcess started = broker.getValue().get()) {
                    startupTimes.computeIfAbsent(broker.getKey(), key -> new ArrayList<>())
                            .add(logStartup(started, launch));
                }
            }
        }
        return startupTimes;
    }

    /**
     * Puts the producer and consumer load through one more fresh launch and reads its memory before and after.
     *
     * @param launcher     starts a fresh broker (new data directory) and returns once it is ready
     * @param startupTimes the broker's timed launches ({@link #timeStartup}), whose median is reported
     */
    BrokerFigures run(Supplier<BrokerProcess> launcher, List<Duration> startupTimes)
            throws InterruptedException, ExecutionException {
        try (BrokerProcess broker = launcher.get()) {
            MemoryUsage idle = broker.memory();
            List<LoadFigures> loads = new ArrayList<>();
            for (int recordSize : settings.recordSizes()) {
                loads.add(load(broker, recordSize));
            }
            MemoryUsage loaded = broker.memory();
            return new BrokerFigures(broker.name(), Medians.median(startupTimes, Comparator.naturalOrder()),
                    idle, loaded, loads);
        }
    }

    private Duration logStartup(BrokerProcess broker, int launch) {
        LOGGER.info("{}: launch {}/{} ready in {} ms (pid {})", broker.name(), launch, settings.startups(),
                broker.startupTime().toMillis(), broker.pid());
        return broker.startupTime();
    }

    private LoadFigures load(BrokerProcess broker, int recordSize) throws InterruptedException, ExecutionException {
        List<Throughput> produced = new ArrayList<>();
        List<Throughput> consumed = new ArrayList<>();
        try (Admin admin = Admin.create(adminConfig(broker.bootstrapServers()))) {
            for (int repetition = 1; repetition <= settings.repetitions(); repetition++) {
                String topic = "bench-" + recordSize + "b-" + repetition;
                createTopic(admin, topic);
                Throughput produce = ProducerLoad.run(broker.bootstrapServers(), topic, settings.records(),
                        recordSize);
                Throughput consume = ConsumerLoad.run(broker.bootstrapServers(), topic, settings.partitions(),
                        settings.records());
                LOGGER.info("{}: {} B run {}/{}: produced {} records/s ({} MB/s), consumed {} records/s ({} MB/s)",
                        broker.name(), recordSize, repetition, settings.repetitions(),
                        Math.round(produce.recordsPerSecond()), Math.round(produce.megabytesPerSecond()),
                        Math.round(consume.recordsPerSecond()), Math.round(consume.megabytesPerSecond()));
                produced.add(produce);
                consumed.add(consume);
            }
        }
        return new LoadFigures(recordSize, Medians.median(produced, BY_ELAPSED), Medians.median(consumed, BY_ELAPSED));
    }

    /**
     * Creates the topic and waits until every partition answers ListOffsets. CreateTopics completes when the
     * controller has committed the topic, before the broker hosts its partitions; an idempotent producer that
     * starts in that gap was seen to break its own sequence numbers on Kafka 4.4.0 (OutOfOrderSequenceException
     * until its batches expired), so the load starts only on a topic that is fully there, as after kafka-topics.sh.
     * The admin client fails a ListOffsets at once when its metadata does not know the topic yet (seen once on
     * Kafka 4.4.0 right after CreateTopics), so a retriable failure is retried until the topic is there.
     */
    private void createTopic(Admin admin, String topic) throws InterruptedException, ExecutionException {
        admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), REPLICATION_FACTOR))).all().get();
        Map<TopicPartition, OffsetSpec> partitions = IntStream.range(0, settings.partitions()).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition),
                        partition -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.listOffsets(partitions).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(TOPIC_READY_RETRY.toMillis());
            }
        }
    }

    private static Properties adminConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "handoff-bench-admin");
        return config;
    }
}
