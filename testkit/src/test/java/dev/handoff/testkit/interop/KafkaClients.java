package dev.handoff.testkit.interop;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.TestClients;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The kafka-clients 4.4 side of the interop tests: the reference every other client is compared with. */
final class KafkaClients {

    private KafkaClients() {
    }

    static void createTopic(EmbeddedHandoff broker, String topic, int partitions) throws Exception {
        TestClients.createTopic(broker, topic, partitions, Map.of());
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
        long firstTimestamp = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(5);
        List<InteropRecord> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker,
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression, ProducerConfig.LINGER_MS_CONFIG, 5))) {
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
        return InteropRecord.consumed(TestClients.readFromBeginning(broker, partitions, count));
    }

    static Map<Integer, Long> endOffsets(EmbeddedHandoff broker, Collection<TopicPartition> partitions) {
        try (KafkaConsumer<byte[], byte[]> consumer = TestClients.consumer(broker)) {
            return consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue, (a, b) -> a,
                            TreeMap::new));
        }
    }

    /** The group's committed offsets per partition, as Admin#listConsumerGroupOffsets reports them. */
    static Map<Integer, Long> committedOffsets(EmbeddedHandoff broker, String group) throws Exception {
        try (Admin admin = TestClients.admin(broker)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TestClients.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
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
