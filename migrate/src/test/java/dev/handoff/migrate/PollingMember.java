package dev.handoff.migrate;

import dev.handoff.migrate.playbook.SequenceRecords;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A group member polling on its own thread (KafkaConsumer is single-threaded, so it lives entirely there). It
 * optionally commits after every poll and records the sequence numbers of a run it consumed.
 */
public final class PollingMember implements AutoCloseable {

    private final Thread thread;
    private final Queue<Long> consumed = new ConcurrentLinkedQueue<>();
    private volatile int assignedPartitions;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public PollingMember(String bootstrap, String groupId, String protocol, String topic, boolean commit,
                         String runId) {
        this.thread = new Thread(() -> run(bootstrap, groupId, protocol, topic, commit, runId),
                "member-" + groupId + "-" + protocol);
        thread.start();
    }

    public static PollingMember idle(String bootstrap, String groupId, String protocol, String topic) {
        return new PollingMember(bootstrap, groupId, protocol, topic, false, "none");
    }

    private void run(String bootstrap, String groupId, String protocol, String topic, boolean commit,
                     String runId) {
        try (KafkaConsumer<String, byte[]> consumer = TestClients.groupConsumer(bootstrap, groupId, protocol)) {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(TestClients.pollTimeout())) {
                    SequenceRecords.seqOf(record.headers(), runId).ifPresent(consumed::add);
                }
                assignedPartitions = consumer.assignment().size();
                if (commit) {
                    consumer.commitSync();
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    public boolean hasAssignment() {
        return assignedPartitions > 0;
    }

    public List<Long> consumed() {
        return List.copyOf(consumed);
    }

    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
