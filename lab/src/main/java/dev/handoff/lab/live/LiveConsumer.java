package dev.handoff.lab.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineRecorder;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the group on its own thread: poll, spend the processing time per record, record the batch,
 * commit synchronously. Assignment changes are recorded from the rebalance listener. {@link #stop()} closes it
 * cleanly (commit, leave); {@link #kill()} makes it vanish like a crashed pod: no commit, no leave, no callbacks
 * recorded, the coordinator finds out when the session times out. The consumer reports its coordinator member id
 * whenever it changes, so that the coordinator's recording can be read in the lab's names.
 */
final class LiveConsumer implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LiveConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String member;
    private final int slot;
    private final Properties config;
    private final String topic;
    private final double processingMs;
    private final TimelineRecorder recorder;
    private final RunClock clock;
    private final MemberIds memberIds;
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private String lastMemberId = "";
    private volatile boolean stopping;
    private volatile boolean killed;

    LiveConsumer(String member, int slot, Properties config, String topic, double processingMs,
                 TimelineRecorder recorder, RunClock clock, MemberIds memberIds) {
        this.member = member;
        this.slot = slot;
        this.config = config;
        this.topic = topic;
        this.processingMs = processingMs;
        this.recorder = recorder;
        this.clock = clock;
        this.memberIds = memberIds;
    }

    @Override
    public void run() {
        recorder.record(member, slot, EventKind.STARTED, List.of(), 0);
        try (KafkaConsumer<byte[], byte[]> client = new KafkaConsumer<>(config)) {
            client.subscribe(List.of(topic), new Listener(client));
            while (!stopping) {
                pollOnce(client);
            }
            if (killed) {
                // A crashed pod sends nothing more: stay in the group until the session times out (KIP-1092).
                client.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                    .withTimeout(Duration.ZERO));
            }
        } catch (WakeupException e) {
            LOGGER.debug("{} woken up to stop", member);
        } catch (RuntimeException e) {
            LOGGER.warn("{} failed", member, e);
        } finally {
            if (!killed) {
                recorder.record(member, slot, EventKind.STOPPED, List.of(), 0);
            }
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> client) {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = client.poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
            return;
        }
        reportMemberId(client);
        if (records.isEmpty() || killed) {
            return;
        }
        LockSupport.parkNanos((long) (records.count() * processingMs * TimeUnit.MILLISECONDS.toNanos(1)));
        if (killed) {
            return;
        }
        long[] producedAtMs = new long[records.count()];
        TreeSet<Integer> partitions = new TreeSet<>();
        int i = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            LabRecord value = LabRecord.fromBytes(record.value());
            producedAtMs[i++] = value.producedAtMicros() / 1_000;
            recorder.tally().processed(value.seq());
            partitions.add(record.partition());
            processed.put(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1));
        }
        recorder.processed(member, slot, List.copyOf(partitions), producedAtMs);
        commit(client);
    }

    private void commit(KafkaConsumer<byte[], byte[]> client) {
        if (processed.isEmpty() || killed) {
            return;
        }
        try {
            client.commitSync(processed);
            processed.clear();
        } catch (RuntimeException e) {
            // E.g. REBALANCE_IN_PROGRESS (classic): keep the offsets, the next commit or the revocation retries.
            LOGGER.debug("{} commit failed: {}", member, e.toString());
        }
    }

    private void reportMemberId(KafkaConsumer<byte[], byte[]> client) {
        String memberId = client.groupMetadata().memberId();
        if (!memberId.equals(lastMemberId)) {
            memberIds.report(memberId, member, slot);
            lastMemberId = memberId;
        }
    }

    /** Closes the consumer cleanly: it commits in {@code onPartitionsRevoked} and leaves the group. */
    void stop() {
        stopping = true;
    }

    /** Makes the consumer vanish without committing or leaving. */
    void kill() {
        killed = true;
        stopping = true;
        recorder.record(member, slot, EventKind.KILLED, List.of(), 0);
    }

    private final class Listener implements ConsumerRebalanceListener {

        private final KafkaConsumer<byte[], byte[]> client;

        Listener(KafkaConsumer<byte[], byte[]> client) {
            this.client = client;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (killed) {
                return;
            }
            commit(client);
            processed.keySet().removeAll(partitions);
            recorder.record(member, slot, EventKind.REVOKED, numbers(partitions), generation());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            reportMemberId(client);
            if (!killed) {
                recorder.record(member, slot, EventKind.ASSIGNED, numbers(partitions), generation());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!killed) {
                processed.keySet().removeAll(partitions);
                recorder.record(member, slot, EventKind.LOST, numbers(partitions), generation());
            }
        }

        private long generation() {
            return client.groupMetadata().generationId();
        }

        private List<Integer> numbers(Collection<TopicPartition> partitions) {
            List<Integer> numbers = new ArrayList<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            numbers.sort(Integer::compare);
            return numbers;
        }
    }
}
