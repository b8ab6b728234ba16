package dev.handoff.bench.reliability;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The crash loop (issue 8): idempotent acks=all producers write while the broker is killed with SIGKILL at random
 * moments and restarted, cycle after cycle. The producers live across the restarts, so their retries of batches
 * in flight at the kill test that producer state is recovered. After every restart the whole topic is read back
 * and held against every acknowledgement ({@link LogAudit}), and the offsets a simple group committed are read
 * back ({@link OffsetCommits}), and a subscribed KIP-848 group member must find its group as it was
 * ({@link GroupWatch}). A final clean restart (SIGTERM) is audited the same way.
 */
public final class CrashLoop {

    static final String TOPIC = "crash-loop";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_VIOLATIONS = 20;

    private final BrokerUnderTest broker;
    private final CrashLoopSettings settings;
    private final PrintWriter progress;
    private final AcknowledgedRecords acknowledged = new AcknowledgedRecords();
    private final List<String> violations = new ArrayList<>();
    private Map<TopicPartition, Long> endOffsets = new HashMap<>();
    private long lost;
    private long corrupt;
    private long duplicates;
    private long regressions;
    private long commitRegressions;
    private long groupsChecked;
    private long groupProblems;

    public CrashLoop(BrokerUnderTest broker, CrashLoopSettings settings, PrintWriter progress) {
        this.broker = broker;
        this.settings = settings;
        this.progress = progress;
    }

    public CrashLoopTotals run() throws Exception {
        Random random = new Random(settings.seed());
        broker.start();
        createTopic();
        List<KafkaProducer<byte[], byte[]>> producers = new ArrayList<>();
        for (int i = 0; i < settings.producers(); i++) {
            producers.add(new KafkaProducer<>(producerProps()));
        }
        long[] sequences = new long[settings.producers()];
        // Metadata and producer ids first, so the first cycle's traffic is not spent waiting for them.
        producers.forEach(producer -> producer.partitionsFor(TOPIC));
        try (OffsetCommits commits = new OffsetCommits(broker.bootstrapServers());
             LogAudit audit = new LogAudit(broker.bootstrapServers(), TOPIC, settings.partitions());
             GroupWatch group = new GroupWatch(broker.bootstrapServers(), TOPIC, settings.partitions())) {
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                Optional<GroupWatch.Snapshot> groupBefore = group.awaitSettled();
                int upMs = settings.minUpMs() + random.nextInt(settings.maxUpMs() - settings.minUpMs() + 1);
                long sent = produceFor(producers, sequences, Duration.ofMillis(upMs));
                broker.kill();
                long killedAt = System.nanoTime();
                broker.start();
                long startedAt = System.nanoTime();
                producers.forEach(KafkaProducer::flush);
                check(audit, commits);
                long auditedAt = System.nanoTime();
                checkGroup(group, groupBefore);
                progress.printf("cycle %d/%d: killed after %d ms and %d sends; %d acknowledged so far; end offsets %s; "
                        + "restart %d ms, producers + audit %d ms, group back %d ms%n",
                        cycle, settings.cycles(), upMs, sent, acknowledged.count(), endOffsets.values(),
                        (startedAt - killedAt) / 1_000_000, (auditedAt - startedAt) / 1_000_000,
                        (System.nanoTime() - auditedAt) / 1_000_000);
                progress.flush();
            }
            Optional<GroupWatch.Snapshot> groupBefore = group.awaitSettled();
            broker.stop();
            broker.start();
            check(audit, commits);
            checkGroup(group, groupBefore);
            progress.printf("clean restart (SIGTERM): end offsets %s%n", endOffsets.values());
            commits.unavailable().ifPresent(why -> progress.println("offset commits not checked: " + why));
            List<String> all = new ArrayList<>(violations);
            all.addAll(acknowledged.rejections());
            return new CrashLoopTotals(settings.cycles(), acknowledged.count(), lost, corrupt, duplicates,
                    acknowledged.rejectedCount(), regressions, commits.checked(), commitRegressions, groupsChecked,
                    groupProblems, all);
        } finally {
            producers.forEach(producer -> producer.close(Duration.ofSeconds(5)));
        }
    }

    /** Sends at the configured rate for {@code upTime}, keeping at most a second's worth unacknowledged. */
    private long produceFor(List<KafkaProducer<byte[], byte[]>> producers, long[] sequences, Duration upTime)
            throws InterruptedException {
        Semaphore unacknowledged = new Semaphore(settings.recordsPerSecond());
        long start = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() - start < upTime.toNanos()) {
            long due = start + sent * 1_000_000_000L / settings.recordsPerSecond();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, 10_000_000L));
                continue;
            }
            if (!unacknowledged.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            int producer = (int) (sent % producers.size());
            int partition = (int) ((sent / producers.size()) % settings.partitions());
            long id = RecordIds.id(producer, sequences[producer]++);
            byte[] value = RecordIds.value(id).getBytes(StandardCharsets.US_ASCII);
            producers.get(producer).send(new ProducerRecord<>(TOPIC, partition, null, value), (metadata, e) -> {
                unacknowledged.release();
                if (e == null) {
                    acknowledged.acknowledged(partition, metadata.offset(), id);
                } else {
                    acknowledged.rejected(e);
                }
            });
            sent++;
        }
        return sent;
    }

    private void check(LogAudit audit, OffsetCommits commits) {
        LogAudit.Result result = audit.audit(acknowledged, endOffsets);
        lost += result.lost();
        corrupt += result.corrupt();
        duplicates += result.duplicates();
        regressions += result.regressions();
        addViolations(result.problems());
        endOffsets = new HashMap<>(result.endOffsets());
        List<String> commitProblems = commits.checkThenCommit(endOffsets);
        commitRegressions += commitProblems.size();
        addViolations(commitProblems);
    }

    private void checkGroup(GroupWatch group, Optional<GroupWatch.Snapshot> before) throws InterruptedException {
        if (before.isEmpty()) {
            groupProblems++;
            addViolations(List.of("group " + GroupWatch.GROUP + " had not settled before the kill"));
            return;
        }
        List<String> problems = group.compare(before.get(), group.awaitSettled());
        groupProblems += problems.size();
        groupsChecked++;
        addViolations(problems);
    }

    private void addViolations(List<String> problems) {
        for (String problem : problems) {
            if (violations.size() < MAX_VIOLATIONS) {
                violations.add(problem);
            }
            progress.println("VIOLATION " + problem);
        }
    }

    private void createTopic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            NewTopic topic = new NewTopic(TOPIC, settings.partitions(), (short) 1)
                    .configs(Map.of("segment.bytes", Integer.toString(settings.segmentBytes())));
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Properties producerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Retries must outlast a restart: the same producer carries on once the broker is back.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "50");
        props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "500");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
