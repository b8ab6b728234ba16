package dev.handoff.coordinator.assignor;

import java.util.Set;

import org.apache.kafka.common.Uuid;

/** Read-only topic metadata an assignor may consult (mirrors Kafka's {@code SubscribedTopicDescriber}). */
public interface TopicDescriber {

    /** The partition count of a topic, or -1 if the topic does not exist. */
    int numPartitions(Uuid topicId);

    /** The racks of the replicas of a partition; empty when unknown or when brokers have no rack. */
    Set<String> racksForPartition(Uuid topicId, int partition);
}
