package dev.handoff.testkit.upgrade;

import dev.handoff.testkit.EmbeddedHandoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.SubscriptionPattern;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One real kafka-clients 4.4 consumer polling on its own thread (a consumer is single-threaded). It records the
 * record values it consumed, its rebalance listener callbacks, its current assignment and the exception that ended
 * its poll loop, if any, and commits synchronously after processing each non-empty poll. The group and upgrade ITs
 * share it (hence public).
 */
public final class TrackedConsumer {

    /** A rebalance listener callback as the client made it. */
    public record Callback(Kind kind, Set<TopicPartition> partitions) {

        public enum Kind { ASSIGNED, REVOKED, LOST }
    }

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BiConsumer<KafkaConsumer<byte[], byte[]>, ConsumerRebalanceListener> subscription;
    private final Thread thread;
    private final List<Callback> callbacks = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> consumed = new ConcurrentLinkedQueue<>();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile Throwable failure;
    private volatile boolean running = true;
    private volatile boolean leaveOnClose = true;

    private TrackedConsumer(String name, Properties props,
                            BiConsumer<KafkaConsumer<byte[], byte[]>, ConsumerRebalanceListener> subscription) {
        this.name = name;
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.subscription = subscription;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts a member of {@code groupId} subscribed to the topic names, with extra consumer settings. */
    public static TrackedConsumer start(EmbeddedHandoff broker, String name, String groupId,
                                        Collection<String> topics, Map<String, Object> settings) {
        return start(new TrackedConsumer(name, properties(broker, name, groupId, settings),
                (consumer, listener) -> consumer.subscribe(topics, listener)));
    }

    /** Starts a member of {@code groupId} with a broker-side RE2/J regex subscription (KIP-848, CGH v1). */
    public static TrackedConsumer start(EmbeddedHandoff broker, String name, String groupId,
                                        SubscriptionPattern pattern, Map<String, Object> settings) {
        return start(new TrackedConsumer(name, properties(broker, name, groupId, settings),
                (consumer, listener) -> consumer.subscribe(pattern, listener)));
    }

    private static TrackedConsumer start(TrackedConsumer member) {
        member.thread.start();
        return member;
    }

    private static Properties properties(EmbeddedHandoff broker, String name, String groupId,
                                         Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putAll(settings);
        return props;
    }

    private void run() {
        try {
            subscription.accept(consumer, new Listener());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                records.forEach(record -> consumed.add(new String(record.value(), StandardCharsets.UTF_8)));
                assignment = Set.copyOf(consumer.assignment());
                if (!records.isEmpty()) {
                    commit();
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(leaveOnClose ? CloseOptions.timeout(Duration.ofSeconds(30))
                    : CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                            .withTimeout(Duration.ofSeconds(5)));
        }
    }

    /**
     * A commit that loses to a rebalance or an unavailable coordinator is retried by the next commit. The timeout is
     * short because a commit covering a deleted topic's partitions retries UNKNOWN_TOPIC_OR_PARTITION until it ends,
     * and the revocation callback that makes it holds up the member's reconciliation meanwhile.
     */
    private void commit() {
        try {
            consumer.commitSync(Duration.ofSeconds(5));
        } catch (RebalanceInProgressException | RetriableException e) {
            // The records stay uncommitted and may be delivered again to whoever owns the partition next.
        }
    }

    public String name() {
        return name;
    }

    public Set<TopicPartition> assignment() {
        return assignment;
    }

    /** The values of the records consumed so far, without duplicates. */
    public Set<String> consumed() {
        return Set.copyOf(consumed);
    }

    /** The values of the records consumed so far, in the order consumed, a record delivered twice twice. */
    public List<String> consumedValues() {
        return List.copyOf(consumed);
    }

    /** The exception that ended the poll loop, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    public synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    public synchronized int callbackCount() {
        return callbacks.size();
    }

    /** Partitions revoked (not lost) in callbacks from {@code fromIndex} on. */
    public synchronized Set<TopicPartition> revokedSince(int fromIndex) {
        return partitionsSince(fromIndex, Callback.Kind.REVOKED);
    }

    /** Partitions lost in callbacks from {@code fromIndex} on. */
    public synchronized Set<TopicPartition> lostSince(int fromIndex) {
        return partitionsSince(fromIndex, Callback.Kind.LOST);
    }

    private Set<TopicPartition> partitionsSince(int fromIndex, Callback.Kind kind) {
        Set<TopicPartition> partitions = new HashSet<>();
        callbacks.subList(fromIndex, callbacks.size()).stream()
                .filter(callback -> callback.kind() == kind)
                .forEach(callback -> partitions.addAll(callback.partitions()));
        return partitions;
    }

    /**
     * Closes the consumer: a dynamic member leaves the group at once, a static one leaves temporarily (epoch -2 with
     * the consumer protocol, KIP-848; no LeaveGroup with the classic protocol, KIP-345).
     */
    public void stop() {
        running = false;
        awaitExit();
    }

    /** Stops without leaving the group (KIP-1092): the coordinator only notices when the session expires. */
    public void crash() {
        leaveOnClose = false;
        running = false;
        awaitExit();
    }

    private void awaitExit() {
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            add(Callback.Kind.REVOKED, partitions);
            if (!partitions.isEmpty()) {
                commit();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            add(Callback.Kind.ASSIGNED, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            add(Callback.Kind.LOST, partitions);
        }

        private void add(Callback.Kind kind, Collection<TopicPartition> partitions) {
            synchronized (TrackedConsumer.this) {
                callbacks.add(new Callback(kind, Set.copyOf(partitions)));
            }
        }
    }
}
