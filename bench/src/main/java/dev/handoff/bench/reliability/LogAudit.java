package dev.handoff.bench.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic with an {@code assign()} consumer (CRCs checked, as clients do by default) and holds it
 * against what was acknowledged: every acknowledged record at its offset with its content, no record twice, no
 * corrupt batch, and log end offsets no lower than last time.
 */
final class LogAudit implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * @param endOffsets log end offsets found
     * @param lost       acknowledged records not found at their offset with their content
     * @param corrupt    reads that failed on a corrupt or malformed batch
     * @param duplicates records found a second time
     * @param regressions partitions whose end offset is below the previous audit's
     * @param problems   the problems in words (first few)
     */
    record Result(Map<TopicPartition, Long> endOffsets, long lost, long corrupt, long duplicates, long regressions,
                  List<String> problems) {
    }

    private final String topic;
    private final int partitions;
    /** One consumer for every audit: it reconnects after each restart as an application's consumer would. */
    private final KafkaConsumer<byte[], byte[]> consumer;

    LogAudit(String bootstrapServers, String topic, int partitions) {
        this.topic = topic;
        this.partitions = partitions;
        this.consumer = new KafkaConsumer<>(consumerProps(bootstrapServers));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    Result audit(AcknowledgedRecords acknowledged, Map<TopicPartition, Long> previousEndOffsets) {
        List<TopicPartition> tps = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        List<String> problems = new ArrayList<>();
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
        Map<TopicPartition, Long> ends = consumer.endOffsets(tps, READ_TIMEOUT);
        long regressions = 0;
        for (TopicPartition tp : tps) {
            long previous = previousEndOffsets.getOrDefault(tp, 0L);
            if (ends.get(tp) < previous) {
                regressions++;
                problems.add(tp + " log end offset went back from " + previous + " to " + ends.get(tp));
            }
        }
        Map<TopicPartition, Map<Long, Long>> found = new HashMap<>();
        long[] duplicates = {0};
        try {
            readAll(consumer, tps, ends, found, duplicates, problems);
        } catch (KafkaException e) {
            problems.add("corrupt or unreadable batch: " + e);
            return new Result(ends, 0, 1, duplicates[0], regressions, problems);
        }
        long lost = 0;
        for (TopicPartition tp : tps) {
            Map<Long, Long> log = found.getOrDefault(tp, Map.of());
            for (Map.Entry<Long, Long> ack : acknowledged.of(tp.partition()).entrySet()) {
                if (!ack.getValue().equals(log.get(ack.getKey()))) {
                    lost++;
                    if (problems.size() < 10) {
                        problems.add(tp + " offset " + ack.getKey() + ": acknowledged record " + ack.getValue()
                                + " but found " + log.get(ack.getKey()));
                    }
                }
            }
        }
        return new Result(ends, lost, 0, duplicates[0], regressions, problems);
    }

    private static void readAll(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps,
                                Map<TopicPartition, Long> ends, Map<TopicPartition, Map<Long, Long>> found,
                                long[] duplicates, List<String> problems) {
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!caughtUp(consumer, tps, ends)) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("could not read up to the log end offsets " + ends + " within "
                        + READ_TIMEOUT);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                long id = RecordIds.idOf(new String(record.value(), StandardCharsets.US_ASCII));
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                found.computeIfAbsent(tp, p -> new HashMap<>()).put(record.offset(), id);
                if (!seen.add(id)) {
                    duplicates[0]++;
                    if (problems.size() < 10) {
                        problems.add("record " + id + " appears again at " + tp + " offset " + record.offset());
                    }
                }
            }
        }
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> tps,
                                    Map<TopicPartition, Long> ends) {
        return tps.stream().allMatch(tp -> consumer.position(tp, READ_TIMEOUT) >= ends.get(tp));
    }

    private static Properties consumerProps(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CHECK_CRCS_CONFIG, "true");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, "50");
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        return props;
    }
}
