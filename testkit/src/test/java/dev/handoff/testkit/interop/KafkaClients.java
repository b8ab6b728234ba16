package dev.handoff.testkit.interop;

import dev.handoff.testkit.EmbeddedHandoff;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The kafka-clients 4.4 side of the interop tests: the reference every other client is compared with. */
final class KafkaClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private KafkaClients() {
    }

    static Admin admin(EmbeddedHandoff broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return Admin.create(props);
    }

    static void createTopic(EmbeddedHandoff broker, String topic, int partitions) throws Exception {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /**
     * Sends {@code count} records spread round-robin over the partitions, with keys, headers (one with a null
     * value), a null key and a null value now and then, and returns them as the broker numbered them.
     */
    static List<InteropRecord> produce(EmbeddedHandoff broker, String topic, int partitions, int count,
                                       String compression) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long firstTimestamp = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(5);
        List<InteropRecord> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("seq", bytes(Integer.toString(i)));
                headers.add("client", bytes("kafka-clients"));
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % partitions,
                        firstTimestamp + i, i % 7 == 3 ? null : bytes("k-" + i),
                        i % 10 == 9 ? null : bytes("v-" + i + "-" + "y".repeat(i % 40)), headers);
                records.add(record);
                acks.add(producer.send(record));
            }
            producer.flush();
            for (int i = 0; i < count; i++) {
                ProducerRecord<byte[], byte[]> record = records.get(i);
                long offset = acks.get(i).get().offset();
                sent.add(new InteropRecord(record.partition(), offset, text(record.key()), text(record.value()),
                        Map.of("seq", Integer.toString(i), "client", "kafka-clients"), record.timestamp()));
            }
        }
        return sent.stream().sorted(InteropRecord.BY_POSITION).toList();
    }

    /** Reads the partitions from their beginning without a group until {@code count} records arrived. */
    static List<InteropRecord> readFromBeginning(EmbeddedHandoff broker, Collection<TopicPartition> partitions,
                                                 int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return InteropRecord.consumed(records);
        }
    }

    static Map<Integer, Long> endOffsets(EmbeddedHandoff broker, Collection<TopicPartition> partitions) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue, (a, b) -> a,
                            TreeMap::new));
        }
    }

    /** The group's committed offsets per partition, as Admin#listConsumerGroupOffsets reports them. */
    static Map<Integer, Long> committedOffsets(EmbeddedHandoff broker, String group) throws Exception {
        try (Admin admin = admin(broker)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
