package dev.handoff.testkit.interop;

import dev.handoff.testkit.EmbeddedHandoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The kafka-clients 4.4 side of the librdkafka interop tests: it checks what librdkafka wrote, and the reverse. */
final class RdkafkaInteropClients {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private RdkafkaInteropClients() {
    }

    static Admin admin(EmbeddedHandoff broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    static KafkaProducer<byte[], byte[]> producer(EmbeddedHandoff broker, Map<String, Object> overrides) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.putAll(overrides);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static void createTopic(EmbeddedHandoff broker, String topic, int partitions, Map<String, String> configs)
            throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Reads the partitions from their beginning, without a group, until {@code count} records came or time ran out. */
    static List<ConsumerRecord<byte[], byte[]>> readFromBeginning(EmbeddedHandoff broker,
                                                                  Collection<TopicPartition> partitions, int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(count);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * One value per batch stored in the partition's log files, read with kafka-clients' own record classes: shows
     * how a client wrote its batches (codec, producer id), which no consumer API reveals.
     */
    static <T> List<T> storedBatches(EmbeddedHandoff broker, TopicPartition partition, Function<RecordBatch, T> field)
            throws IOException {
        List<T> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(broker.dataDir().resolve(partition.toString()))) {
            for (Path segment : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                try (FileRecords records = FileRecords.open(segment.toFile())) {
                    for (RecordBatch batch : records.batches()) {
                        values.add(field.apply(batch));
                    }
                }
            }
        }
        return values;
    }
}
