package dev.handoff.coordinator.recorder;

import java.util.Objects;

import org.apache.kafka.common.Uuid;

/** One partition, by topic id as the consumer group records name it; readers resolve the topic name. */
public record PartitionRef(Uuid topicId, int partition) implements Comparable<PartitionRef> {

    public PartitionRef {
        Objects.requireNonNull(topicId, "topicId");
    }

    @Override
    public int compareTo(PartitionRef other) {
        int byTopic = topicId.compareTo(other.topicId);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }
}
