package dev.handoff.bench.handoff;

import dev.handoff.lab.scenario.Protocol;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer with default client settings polling on its own thread until stopped, then closing (a clean leave);
 * its rebalance callbacks go to {@link PartitionOwners}.
 */
final class SettleMember implements ConsumerRebalanceListener {

    private static final Logger LOGGER = LoggerFactory.getLogger(SettleMember.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final PartitionOwners owners;
    private final Thread thread;
    private volatile boolean running = true;

    private SettleMember(String name, PartitionOwners owners, KafkaConsumer<byte[], byte[]> consumer) {
        this.name = name;
        this.owners = owners;
        this.thread = new Thread(() -> poll(consumer), "handoff-bench-" + name);
        this.thread.setDaemon(true);
    }

    /** Creates the consumer, subscribes it to {@code topic} in group {@code group} and starts polling. */
    static SettleMember start(String bootstrap, String group, String topic, Protocol protocol, String name,
                              PartitionOwners owners) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrap, group, protocol, name),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        SettleMember member = new SettleMember(name, owners, consumer);
        consumer.subscribe(List.of(topic), member);
        member.thread.start();
        return member;
    }

    /** The same protocol choices as the lab's live consumers, every other setting the client's default. */
    static Map<String, Object> config(String bootstrap, String group, Protocol protocol, String name) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        switch (protocol) {
            case CONSUMER -> config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            case CLASSIC_EAGER -> {
                config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
                config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
            }
            case CLASSIC_COOPERATIVE -> throw new IllegalArgumentException("not a contender of this benchmark");
        }
        return config;
    }

    String name() {
        return name;
    }

    private void poll(KafkaConsumer<byte[], byte[]> consumer) {
        try (consumer) {
            while (running) {
                consumer.poll(POLL_TIMEOUT);
            }
        } catch (RuntimeException e) {
            LOGGER.warn("{} failed", name, e);
        }
    }

    /** Stops polling and waits until the consumer has closed, so it has left the group. */
    void stop() {
        running = false;
        try {
            thread.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling without waiting; the consumer closes (and leaves) on its own thread. */
    void signalStop() {
        running = false;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        owners.assigned(name, partitions, System.nanoTime());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        owners.released(name, partitions, System.nanoTime());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        owners.released(name, partitions, System.nanoTime());
    }
}
