package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batches compressed by the producer are stored as sent (compression.type=producer) and read back intact. */
class CompressionIT {

    private static final int RECORDS = 2_000;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension();

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void compressedBatchesRoundTrip(String codec) throws Exception {
        // Given
        String topic = "compressed-" + codec;
        TestClients.createTopic(HANDOFF.broker(), topic, 2, Map.of());
        List<Row> sent = produce(topic, codec);

        // When
        List<Row> consumed = Row.consumed(TestClients.readFromBeginning(HANDOFF.broker(),
                List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)), RECORDS));

        // Then
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(consumed.stream().filter(r -> r.partition() == 0).map(Row::offset).toList())
                .as("in offset order").isSorted();
    }

    private static List<Row> produce(String topic, String codec) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        long timestamp = System.currentTimeMillis();
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(HANDOFF.broker(),
                Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec))) {
            for (int i = 0; i < RECORDS; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("codec", codec.getBytes(StandardCharsets.UTF_8));
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % 2, timestamp + i,
                        ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        ("a compressible value, repeated: " + "abc".repeat(i % 50)).getBytes(StandardCharsets.UTF_8),
                        headers);
                records.add(record);
                acks.add(producer.send(record));
            }
            producer.flush();
        }
        List<Row> sent = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            sent.add(Row.sent(records.get(i), acks.get(i).get()));
        }
        return sent;
    }
}
