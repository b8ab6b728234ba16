package dev.handoff.migrate.playbook;

import dev.handoff.migrate.TestClients;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Live traffic for the playbook tests: sequence-numbered records at a steady rate, first to the old cluster,
 * then, after {@link #cutover()}, to the new one (the old producer is flushed first, as a redeploy would).
 */
final class SwitchingProducer implements AutoCloseable {

    private final String topic;
    private final String runId;
    private final long total;
    private final int ratePerSecond;
    private final KafkaProducer<String, byte[]> oldProducer;
    private final KafkaProducer<String, byte[]> newProducer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong sentToNew = new AtomicLong();
    private final Thread thread;
    private volatile boolean cutoverRequested;
    private volatile Throwable failure;

    SwitchingProducer(String oldBootstrap, String newBootstrap, String topic, String runId, long total,
                      int ratePerSecond) {
        this.topic = topic;
        this.runId = runId;
        this.total = total;
        this.ratePerSecond = ratePerSecond;
        this.oldProducer = TestClients.producer(oldBootstrap);
        this.newProducer = TestClients.producer(newBootstrap);
        this.thread = new Thread(this::produce, "switching-producer");
    }

    SwitchingProducer start() {
        thread.start();
        return this;
    }

    void cutover() {
        cutoverRequested = true;
    }

    long sent() {
        return sent.get();
    }

    long sentToNew() {
        return sentToNew.get();
    }

    boolean done() {
        return !thread.isAlive();
    }

    Throwable failure() {
        return failure;
    }

    private void produce() {
        try {
            KafkaProducer<String, byte[]> current = oldProducer;
            long start = System.nanoTime();
            for (long seq = 0; seq < total; seq++) {
                if (cutoverRequested && current == oldProducer) {
                    oldProducer.flush();
                    current = newProducer;
                }
                current.send(SequenceRecords.record(topic, runId, seq, 50)).get();
                sent.incrementAndGet();
                if (current == newProducer) {
                    sentToNew.incrementAndGet();
                }
                long dueNanos = start + (seq + 1) * 1_000_000_000L / ratePerSecond;
                long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
                if (waitMillis > 0) {
                    Thread.sleep(waitMillis);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
        oldProducer.close();
        newProducer.close();
    }
}
