package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListOffsets: earliest, latest, max timestamp (v7+) and by timestamp, through Admin and the consumer. */
class ListOffsetsIT {

    private static final TopicPartition PARTITION = new TopicPartition("timestamps", 0);
    private static final long BASE = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10);
    /** Timestamps of offsets 0..5; the largest is not the last (producers may send them out of order). */
    private static final long[] TIMESTAMPS = {BASE, BASE + 10, BASE + 20, BASE + 50, BASE + 30, BASE + 40};

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension();

    @BeforeAll
    static void produceOneBatchPerRecord(EmbeddedHandoff broker) throws Exception {
        TestClients.createTopic(broker, PARTITION.topic(), 1, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (long timestamp : TIMESTAMPS) {
                producer.send(new ProducerRecord<>(PARTITION.topic(), 0, timestamp, null,
                        Long.toString(timestamp).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    @Test
    void earliestIsTheFirstOffset(EmbeddedHandoff broker) throws Exception {
        // When
        ListOffsetsResultInfo earliest = listOffsets(broker, OffsetSpec.earliest());

        // Then
        assertThat(earliest.offset()).isZero();
    }

    @Test
    void latestIsTheLogEndOffset(EmbeddedHandoff broker) throws Exception {
        // When
        ListOffsetsResultInfo latest = listOffsets(broker, OffsetSpec.latest());

        // Then
        assertThat(latest.offset()).isEqualTo(TIMESTAMPS.length);
    }

    @Test
    void maxTimestampIsTheRecordWithTheLargestTimestamp(EmbeddedHandoff broker) throws Exception {
        // When
        ListOffsetsResultInfo max = listOffsets(broker, OffsetSpec.maxTimestamp());

        // Then
        assertThat(max.offset()).isEqualTo(3);
        assertThat(max.timestamp()).isEqualTo(BASE + 50);
    }

    @Test
    void forTimestampIsTheFirstRecordAtOrAfterIt(EmbeddedHandoff broker) throws Exception {
        // When
        ListOffsetsResultInfo found = listOffsets(broker, OffsetSpec.forTimestamp(BASE + 15));

        // Then
        assertThat(found.offset()).isEqualTo(2);
        assertThat(found.timestamp()).isEqualTo(BASE + 20);
    }

    @Test
    void consumerOffsetsForTimesGoesByLogOrderNotByTheClosestTimestamp(EmbeddedHandoff broker) {
        // Given
        try (KafkaConsumer<byte[], byte[]> consumer = TestClients.consumer(broker)) {

            // When
            Map<TopicPartition, OffsetAndTimestamp> at30 = consumer.offsetsForTimes(Map.of(PARTITION, BASE + 30));
            Map<TopicPartition, OffsetAndTimestamp> afterAll = consumer.offsetsForTimes(Map.of(PARTITION, BASE + 51));

            // Then
            assertThat(at30.get(PARTITION)).as("offset 3 (BASE + 50) comes before offset 4 (BASE + 30)")
                    .satisfies(found -> {
                        assertThat(found.offset()).isEqualTo(3);
                        assertThat(found.timestamp()).isEqualTo(BASE + 50);
                    });
            assertThat(afterAll.get(PARTITION)).as("no record that late").isNull();
        }
    }

    private static ListOffsetsResultInfo listOffsets(EmbeddedHandoff broker, OffsetSpec spec) throws Exception {
        try (Admin admin = TestClients.admin(broker)) {
            return admin.listOffsets(Map.of(PARTITION, spec)).partitionResult(PARTITION)
                    .get(TestClients.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
