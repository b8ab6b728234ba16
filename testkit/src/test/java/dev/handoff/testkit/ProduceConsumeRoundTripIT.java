package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default (idempotent, acks=all) producer's records come back exactly, also after a restart. */
class ProduceConsumeRoundTripIT {

    private static final String TOPIC = "round-trip";
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 100_000;

    @RegisterExtension
    final HandoffExtension handoff = new HandoffExtension();

    @Test
    void readsBackEveryFieldOfEveryRecordInOrderBeforeAndAfterARestart(EmbeddedHandoff broker) throws Exception {
        // Given
        TestClients.createTopic(broker, TOPIC, PARTITIONS, Map.of());
        List<Row> sent = produce(broker);
        List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(TOPIC, p)).toList();

        // When
        List<Row> beforeRestart = Row.consumed(TestClients.readFromBeginning(broker, partitions, RECORDS));
        broker.restart();
        List<Row> afterRestart = Row.consumed(TestClients.readFromBeginning(broker, partitions, RECORDS));

        // Then
        Map<Integer, List<Row>> expected =
                byPartition(sent.stream().sorted(Comparator.comparingLong(Row::offset)).toList());
        assertThat(expected.keySet()).as("the default partitioner spread keys over all partitions").hasSize(PARTITIONS);
        assertSameRecords(byPartition(beforeRestart), expected);
        assertSameRecords(byPartition(afterRestart), expected);
    }

    private static List<Row> produce(EmbeddedHandoff broker) throws Exception {
        Random random = new Random(42);
        long firstTimestamp = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(RECORDS);
        List<Future<RecordMetadata>> acks = new ArrayList<>(RECORDS);
        try (KafkaProducer<byte[], byte[]> producer = TestClients.producer(broker, Map.of())) {
            for (int i = 0; i < RECORDS; i++) {
                ProducerRecord<byte[], byte[]> record = record(i, firstTimestamp + i, random);
                records.add(record);
                acks.add(producer.send(record));
            }
            producer.flush();
        }
        List<Row> sent = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            sent.add(Row.sent(records.get(i), acks.get(i).get()));
        }
        return sent;
    }

    /** Keys, values and headers of varied sizes, with some null keys, null values and empty headers. */
    private static ProducerRecord<byte[], byte[]> record(int i, long timestamp, Random random) {
        byte[] key = i % 10 == 0 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
        byte[] value = i % 1000 == 7 ? null : randomBytes(random, random.nextInt(300));
        RecordHeaders headers = new RecordHeaders();
        if (i % 3 != 0) {
            headers.add("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            headers.add("blob", randomBytes(random, random.nextInt(20)));
        }
        if (i % 5 == 0) {
            headers.add("nothing", null);
        }
        return new ProducerRecord<>(TOPIC, null, timestamp, key, value, headers);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Keeps the order of the list within each partition. */
    private static Map<Integer, List<Row>> byPartition(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::partition));
    }

    /** Compares partition by partition and names the first differing record instead of dumping 100,000. */
    private static void assertSameRecords(Map<Integer, List<Row>> actual, Map<Integer, List<Row>> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((partition, rows) -> {
            List<Row> got = actual.get(partition);
            assertThat(got).as("records of partition %d", partition).hasSameSizeAs(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(got.get(i)).as("partition %d, record %d", partition, i).isEqualTo(rows.get(i));
                assertThat(got.get(i).offset()).as("offsets are dense from 0").isEqualTo(i);
            }
        });
    }
}
