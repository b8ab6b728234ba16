package dev.handoff.lab.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.handoff.lab.timeline.RecordTally;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces at a steady rate: every tick it sends the records due by then, record {@code seq} to partition
 * {@code seq % partitions}, so that every partition gets the same share. Acknowledged records go to the tally.
 */
final class SteadyProducer implements AutoCloseable {

    private static final long TICK_MS = 10;
    private static final long METADATA_RETRY_MS = 100;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(
        "lab-producer"));
    private final String topic;
    private final int partitions;
    private final int recordsPerSecond;
    private final RunClock clock;
    private final RecordTally tally;
    private long sent;

    SteadyProducer(String bootstrap, String topic, int partitions, int recordsPerSecond, RunClock clock,
                   RecordTally tally) {
        this.producer = new KafkaProducer<>(LiveSettings.producer(bootstrap));
        this.topic = topic;
        this.partitions = partitions;
        this.recordsPerSecond = recordsPerSecond;
        this.clock = clock;
        this.tally = tally;
    }

    /** Starts producing once every partition has a leader, so that the first batches are not all retried. */
    void start() throws InterruptedException {
        while (producer.partitionsFor(topic).size() < partitions
            || producer.partitionsFor(topic).stream().anyMatch(p -> p.leader() == null)) {
            Thread.sleep(METADATA_RETRY_MS);
        }
        long startMicros = clock.micros();
        ticker.scheduleAtFixedRate(() -> sendDue(startMicros), 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void sendDue(long startMicros) {
        long due = (clock.micros() - startMicros) * recordsPerSecond / 1_000_000;
        for (; sent < due; sent++) {
            long seq = sent;
            LabRecord record = new LabRecord(seq, clock.micros());
            producer.send(new ProducerRecord<>(topic, (int) (seq % partitions), null, record.toBytes()),
                (metadata, error) -> {
                    if (error == null) {
                        tally.produced(seq);
                    }
                });
        }
    }

    /** Stops producing and waits (a bounded time) for the records in flight. */
    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        producer.close(CLOSE_TIMEOUT);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        producer.close(CLOSE_TIMEOUT);
    }
}
