package dev.handoff.testkit.upgrade;

import dev.handoff.testkit.EmbeddedHandoff;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces sequence-numbered records ({@code prefix-0}, {@code prefix-1}, ...) round-robin over a topic's partitions
 * at a steady pace until stopped, and remembers every value the broker acknowledged: those are the records a group
 * must not lose.
 */
final class SequenceProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sequence-producer");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final String topic;
    private final int partitions;
    private final String prefix;
    private long next;

    private SequenceProducer(EmbeddedHandoff broker, String topic, int partitions, String prefix) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.partitions = partitions;
        this.prefix = prefix;
    }

    /** Starts producing one record every {@code periodMs} milliseconds. */
    static SequenceProducer start(EmbeddedHandoff broker, String topic, int partitions, String prefix,
                                  long periodMs) {
        SequenceProducer producer = new SequenceProducer(broker, topic, partitions, prefix);
        producer.pacer.scheduleAtFixedRate(producer::sendNext, 0, periodMs, TimeUnit.MILLISECONDS);
        return producer;
    }

    private void sendNext() {
        long seq = next++;
        String value = prefix + "-" + seq;
        producer.send(new ProducerRecord<>(topic, (int) (seq % partitions), null, value.getBytes(StandardCharsets.UTF_8)),
                (metadata, error) -> {
                    if (error == null) {
                        acknowledged.add(value);
                    }
                });
    }

    /** The values acknowledged so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Stops producing, waits for the records in flight and returns every acknowledged value. */
    Set<String> stop() throws InterruptedException {
        pacer.shutdown();
        pacer.awaitTermination(30, TimeUnit.SECONDS);
        producer.flush();
        return acknowledged();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        producer.close();
    }
}
