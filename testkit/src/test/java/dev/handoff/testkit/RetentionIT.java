package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention deletes whole old segments; the log start offset moves up and reading from it works. */
class RetentionIT {

    private static final int RECORDS = 200;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("log.retention.check.interval.ms", "100");

    @Test
    void retentionBytesDeletesTheOldestSegments(EmbeddedHandoff broker) throws Exception {
        // Given
        TopicPartition partition = new TopicPartition("retention-bytes", 0);
        TestClients.createTopic(broker, partition.topic(), 1,
                Map.of("segment.bytes", "1024", "retention.bytes", "3072"));
        List<Row> sent = produce(broker, partition, System.currentTimeMillis());

        // When
        long earliest = awaitEarliestOffsetAboveZero(broker, partition);

        // Then
        List<Row> remaining = Row.consumed(TestClients.readFrom(broker, partition, earliest, RECORDS - (int) earliest));
        assertThat(remaining).isEqualTo(sent.subList((int) earliest, RECORDS));
    }

    @Test
    void retentionMsDeletesSegmentsWhoseRecordsAreAllOlder(EmbeddedHandoff broker) throws Exception {
        // Given
        TopicPartition partition = new TopicPartition("retention-ms", 0);
        TestClients.createTopic(broker, partition.topic(), 1,
                Map.of("segment.bytes", "1024", "retention.ms", Long.toString(TimeUnit.HOURS.toMillis(1))));
        List<Row> sent = produce(broker, partition, System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2));

        // When
        long earliest = awaitEarliestOffsetAboveZero(broker, partition);

        // Then
        List<Row> remaining = Row.consumed(TestClients.readFrom(broker, partition, earliest, RECORDS - (int) earliest));
        assertThat(remaining).isEqualTo(sent.subList((int) earliest, RECORDS));
    }

    /** One record per batch, about 100 bytes each, so 1 KiB segments roll every few records. */
    private static List<Row> produce(EmbeddedHandoff broker, TopicPartition partition, long firstTimestamp)
            throws Exception {
        List<Row> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(partition.topic(), partition.partition(),
                        firstTimestamp + i, ("key-" + i).getBytes(StandardCharsets.UTF_8),
                        ("value-" + i + "-" + "x".repeat(20)).getBytes(StandardCharsets.UTF_8));
                sent.add(Row.sent(record, producer.send(record).get()));
            }
        }
        return sent;
    }

    private static long awaitEarliestOffsetAboveZero(EmbeddedHandoff broker, TopicPartition partition) {
        try (Admin admin = TestClients.admin(broker)) {
            return await().atMost(TestClients.TIMEOUT).until(
                    () -> admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).partitionResult(partition)
                            .get().offset(),
                    offset -> offset > 0);
        }
    }
}
