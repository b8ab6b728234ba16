package dev.handoff.migrate.playbook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strategy C, dual consumer: one poll loop over the same topics on the old and the new cluster, in the same group
 * on each. Records come back tagged with their cluster. At-least-once: the records a poll returned are committed,
 * each to its own cluster, when the application polls again (or when a rebalance revokes their partitions), so a
 * crash redelivers at most the last poll's records. Once the group has drained the old cluster and its end
 * offsets have stood still for a quiet period (producers have moved), the old consumer is closed and the loop
 * continues on the new cluster alone.
 *
 * <p>Not thread-safe, like {@link KafkaConsumer}: use it from one thread.
 *
 * <pre>{@code
 * try (DualClusterConsumer<String, String> consumer = DualClusterConsumer.create(props, oldBootstrap,
 *         newBootstrap, new StringDeserializer(), new StringDeserializer(), Duration.ofSeconds(30))) {
 *     consumer.subscribe(List.of("orders"));
 *     while (running) {
 *         for (SourcedRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) { process(r); }
 *     }
 * }
 * }</pre>
 */
public final class DualClusterConsumer<K, V> implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(DualClusterConsumer.class);

    private final Consumer<K, V> next;
    private final CommitTracker<K, V> nextCommits;
    private final Clock clock;
    private final Duration checkInterval;
    private final DrainCheck drainCheck;
    private Consumer<K, V> old;
    private CommitTracker<K, V> oldCommits;
    private Set<String> topics = Set.of();
    private long nextCheckAt;

    /**
     * @param quietPeriod how long the old cluster's end offsets must stand still before it is dropped; also how
     *                    often, at most, the drain is checked
     */
    DualClusterConsumer(Consumer<K, V> old, Consumer<K, V> next, Clock clock, Duration quietPeriod) {
        this.old = old;
        this.next = next;
        this.oldCommits = new CommitTracker<>(old);
        this.nextCommits = new CommitTracker<>(next);
        this.clock = clock;
        this.checkInterval = quietPeriod.dividedBy(2);
        this.drainCheck = new DrainCheck(clock, quietPeriod);
    }

    /**
     * Creates the two consumers from the same properties ({@code group.id}, {@code group.protocol}, ...), each
     * with its own bootstrap servers. Auto-commit is turned off: this class commits.
     */
    public static <K, V> DualClusterConsumer<K, V> create(Properties common, String oldBootstrap,
                                                          String newBootstrap, Deserializer<K> keys,
                                                          Deserializer<V> values, Duration quietPeriod) {
        return new DualClusterConsumer<>(consumer(common, oldBootstrap, "old", keys, values),
                consumer(common, newBootstrap, "new", keys, values), Clock.systemUTC(), quietPeriod);
    }

    private static <K, V> Consumer<K, V> consumer(Properties common, String bootstrap, String role,
                                                  Deserializer<K> keys, Deserializer<V> values) {
        Properties properties = new Properties();
        properties.putAll(common);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        String clientId = common.getProperty(CommonClientConfigs.CLIENT_ID_CONFIG, "dual-consumer");
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + role);
        return new KafkaConsumer<>(properties, keys, values);
    }

    public void subscribe(Collection<String> topicNames) {
        this.topics = Set.copyOf(topicNames);
        if (old != null) {
            old.subscribe(topics, oldCommits);
        }
        next.subscribe(topics, nextCommits);
    }

    /**
     * Commits what the previous poll returned, then polls both clusters, sharing the timeout while both are in
     * use, and drops the old one if it is drained.
     */
    public List<SourcedRecord<K, V>> poll(Duration timeout) {
        List<SourcedRecord<K, V>> records = new ArrayList<>();
        if (old != null) {
            oldCommits.commitAll();
            collect(old.poll(timeout.dividedBy(2)), ClusterRole.OLD, oldCommits, records);
        }
        nextCommits.commitAll();
        collect(next.poll(old == null ? timeout : timeout.dividedBy(2)), ClusterRole.NEW, nextCommits, records);
        if (old != null && records.stream().noneMatch(r -> r.source() == ClusterRole.OLD)) {
            maybeDropOld();
        }
        return records;
    }

    /** Commits what has been returned so far on both clusters. */
    public void commitSync() {
        if (old != null) {
            oldCommits.commitAll();
        }
        nextCommits.commitAll();
    }

    /** Whether the old cluster has been drained and left. */
    public boolean oldClusterDropped() {
        return old == null;
    }

    @Override
    public void close() {
        try {
            if (old != null) {
                old.close();
            }
        } finally {
            next.close();
        }
    }

    private void collect(Iterable<ConsumerRecord<K, V>> polled, ClusterRole role, CommitTracker<K, V> commits,
                         List<SourcedRecord<K, V>> into) {
        for (ConsumerRecord<K, V> record : polled) {
            commits.handedOut(record);
            into.add(new SourcedRecord<>(role, record));
        }
    }

    private void maybeDropOld() {
        long now = clock.millis();
        if (now < nextCheckAt) {
            return;
        }
        nextCheckAt = now + checkInterval.toMillis();
        oldCommits.commitAll();
        if (drainCheck.drained(old, topics)) {
            LOGGER.info("The old cluster is drained for {} and its producers have moved; leaving it", topics);
            Consumer<K, V> leaving = old;
            old = null;
            oldCommits = null;
            leaving.close();
        }
    }
}
