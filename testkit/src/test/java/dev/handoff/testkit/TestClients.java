package dev.handoff.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Real kafka-clients 4.4 clients pointed at an embedded broker, with the client defaults unless stated; the
 * reference the other-language client tests ({@code interop}) compare with too.
 */
public final class TestClients {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TestClients() {
    }

    public static Admin admin(EmbeddedHandoff broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    public static KafkaProducer<byte[], byte[]> producer(EmbeddedHandoff broker, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.putAll(overrides);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static KafkaConsumer<byte[], byte[]> consumer(EmbeddedHandoff broker) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static void createTopic(EmbeddedHandoff broker, String topic, int partitions, Map<String, String> configs)
            throws ExecutionException, InterruptedException, TimeoutException {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Reads the partitions from their beginning (assign + seekToBeginning, no group) until {@code count} records
     * arrived or the timeout passed; the caller compares what came back.
     */
    public static List<ConsumerRecord<byte[], byte[]>> readFromBeginning(EmbeddedHandoff broker,
                                                                  Collection<TopicPartition> partitions, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return pollUntil(consumer, count);
        }
    }

    /** Reads one partition from {@code offset} until {@code count} records arrived or the timeout passed. */
    public static List<ConsumerRecord<byte[], byte[]>> readFrom(EmbeddedHandoff broker, TopicPartition partition,
                                                         long offset, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(broker)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            return pollUntil(consumer, count);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> pollUntil(KafkaConsumer<byte[], byte[]> consumer, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }
}
