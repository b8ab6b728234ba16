package dev.handoff.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the start until it has seen a given number of records, measured like kafka-tools'
 * ConsumerPerformance. It uses {@code assign()} rather than a group, so no rebalance is timed and no group
 * coordinator is needed; the consumer settings are otherwise the defaults.
 */
final class ConsumerLoad {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** Stop waiting when no record has arrived for this long: the records are not all there. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private ConsumerLoad() {
    }

    static Throughput run(String bootstrapServers, String topic, int partitions, long records) {
        List<TopicPartition> assignment = IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition))
                .toList();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers))) {
            consumer.assign(assignment);
            consumer.seekToBeginning(assignment);
            long start = System.nanoTime();
            long lastProgress = start;
            long seen = 0;
            long bytes = 0;
            while (seen < records) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL_TIMEOUT);
                long now = System.nanoTime();
                if (!batch.isEmpty()) {
                    lastProgress = now;
                } else if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("Read only " + seen + " of " + records + " records of " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    seen++;
                    bytes += record.serializedValueSize();
                }
            }
            return new Throughput(seen, bytes, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "handoff-bench-consumer");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
