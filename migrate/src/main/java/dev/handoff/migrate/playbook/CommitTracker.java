package dev.handoff.migrate.playbook;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The positions one consumer has handed to the application and not yet committed. The records a poll returned
 * count as processed once the application polls again, so they are committed at the next poll, and at the latest
 * when their partitions are revoked (inside that poll, before another member can take them).
 */
final class CommitTracker<K, V> implements ConsumerRebalanceListener {

    private final Consumer<K, V> consumer;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();

    CommitTracker(Consumer<K, V> consumer) {
        this.consumer = consumer;
    }

    void handedOut(ConsumerRecord<K, V> record) {
        pending.put(new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), ""));
    }

    void commitAll() {
        if (!pending.isEmpty()) {
            consumer.commitSync(Map.copyOf(pending));
            pending.clear();
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = pending.remove(partition);
            if (offset != null) {
                revoked.put(partition, offset);
            }
        }
        if (!revoked.isEmpty()) {
            consumer.commitSync(revoked);
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Nothing to do: a newly assigned partition resumes from the group's committed offset.
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // The member was fenced: its commits would be refused, and the partitions' new owners redo the records.
        partitions.forEach(pending::remove);
    }
}
