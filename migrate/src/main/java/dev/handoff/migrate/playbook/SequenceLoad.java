package dev.handoff.migrate.playbook;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;

/** Writes sequence-numbered records at a steady rate and counts what the cluster acknowledged. */
public final class SequenceLoad {

    /** @param failedFirst the first sequence number whose send failed, or -1 */
    public record Result(long sent, long acknowledged, long failed, long failedFirst) {
    }

    private final Clock clock;

    public SequenceLoad(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sends {@code count} records numbered from {@code firstSeq}, at most {@code ratePerSecond} per second (0 for
     * unthrottled), then flushes.
     */
    public Result run(Producer<String, byte[]> producer, String topic, String runId, long firstSeq, long count,
                      int ratePerSecond, int valueSize) throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong failedFirst = new AtomicLong(-1);
        long start = clock.millis();
        for (long i = 0; i < count; i++) {
            long seq = firstSeq + i;
            producer.send(SequenceRecords.record(topic, runId, seq, valueSize), (metadata, error) -> {
                if (error == null) {
                    acknowledged.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    failedFirst.compareAndSet(-1, seq);
                }
            });
            if (ratePerSecond > 0) {
                long due = start + (i + 1) * 1000 / ratePerSecond;
                long wait = due - clock.millis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        }
        producer.flush();
        return new Result(count, acknowledged.get(), failed.get(), failedFirst.get());
    }
}
