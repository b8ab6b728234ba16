package dev.handoff.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a fixed number of records as fast as one producer can, measured like kafka-tools' ProducerPerformance:
 * one random payload of the record size, reused for every record, no key, the producer's default settings
 * (idempotent, sticky partitioning) with {@code acks=all}.
 */
final class ProducerLoad {

    private static final long PAYLOAD_SEED = 42;

    private ProducerLoad() {
    }

    static Throughput run(String bootstrapServers, String topic, long records, int recordSize) {
        byte[] payload = payload(recordSize);
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Callback callback = (metadata, exception) -> {
            if (exception != null) {
                firstFailure.compareAndSet(null, exception);
            }
        };
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config(bootstrapServers))) {
            long start = System.nanoTime();
            for (long i = 0; i < records && firstFailure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, payload), callback);
            }
            producer.flush();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (firstFailure.get() != null) {
                throw new IllegalStateException("A send to " + topic + " failed", firstFailure.get());
            }
            return new Throughput(records, records * recordSize, elapsed);
        }
    }

    /** Random upper-case letters, as ProducerPerformance makes its payload when given no payload file. */
    static byte[] payload(int size) {
        Random random = new Random(PAYLOAD_SEED);
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) ('A' + random.nextInt(26));
        }
        return payload;
    }

    private static Properties config(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "handoff-bench-producer");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
