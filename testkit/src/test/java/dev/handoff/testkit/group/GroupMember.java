package dev.handoff.testkit.group;

import dev.handoff.testkit.EmbeddedHandoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One real kafka-clients consumer in a group, polling on its own thread (a consumer is single-threaded): it records
 * what it consumed, its rebalance listener callbacks and its current assignment, and commits synchronously after
 * processing each poll.
 */
final class GroupMember {

    /** A rebalance listener callback as the client made it. */
    record Callback(Kind kind, Set<TopicPartition> partitions) {

        enum Kind { ASSIGNED, REVOKED, LOST }
    }

    private final String name;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Thread thread;
    private final List<Callback> callbacks = new ArrayList<>();
    private final ConcurrentLinkedQueue<ConsumerRecord<byte[], byte[]>> consumed = new ConcurrentLinkedQueue<>();
    private volatile Set<TopicPartition> assignment = Set.of();
    private volatile boolean running = true;
    private volatile boolean leaveOnClose = true;

    private GroupMember(String name, KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this.name = name;
        this.consumer = consumer;
        this.topic = topic;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    /** Starts a member of {@code groupId} subscribed to {@code topic}, with extra consumer settings. */
    static GroupMember start(EmbeddedHandoff broker, String name, String groupId, String topic,
                             Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putAll(settings);
        GroupMember member = new GroupMember(name,
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic);
        member.thread.start();
        return member;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new Listener());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                records.forEach(consumed::add);
                assignment = Set.copyOf(consumer.assignment());
                if (!records.isEmpty()) {
                    commit();
                }
            }
        } finally {
            consumer.close(leaveOnClose ? CloseOptions.timeout(Duration.ofSeconds(30))
                    : CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                            .withTimeout(Duration.ofSeconds(5)));
        }
    }

    /** A commit that loses to a rebalance or an unavailable coordinator is retried by the next commit. */
    private void commit() {
        try {
            consumer.commitSync(Duration.ofSeconds(30));
        } catch (RebalanceInProgressException | RetriableException e) {
            // The records stay uncommitted and may be delivered again to whoever owns the partition next.
        }
    }

    String name() {
        return name;
    }

    Set<TopicPartition> assignment() {
        return assignment;
    }

    List<ConsumerRecord<byte[], byte[]>> consumed() {
        return List.copyOf(consumed);
    }

    synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** Partitions revoked (not lost) in callbacks from {@code fromIndex} on. */
    synchronized Set<TopicPartition> revokedSince(int fromIndex) {
        Set<TopicPartition> revoked = new HashSet<>();
        callbacks.subList(fromIndex, callbacks.size()).stream()
                .filter(callback -> callback.kind() == Callback.Kind.REVOKED)
                .forEach(callback -> revoked.addAll(callback.partitions()));
        return revoked;
    }

    /** Closes the consumer cleanly: a dynamic member leaves the group at once. */
    void stop() {
        running = false;
        awaitExit();
    }

    /** Stops without leaving the group (KIP-1092): the coordinator only notices when the session expires. */
    void crash() {
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
            synchronized (GroupMember.this) {
                callbacks.add(new Callback(kind, Set.copyOf(partitions)));
            }
        }
    }
}
