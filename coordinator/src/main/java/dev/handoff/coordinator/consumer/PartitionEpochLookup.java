package dev.handoff.coordinator.consumer;

import org.apache.kafka.common.Uuid;

/** Which member epoch currently holds a partition (assigned or pending revocation anywhere in the group). */
@FunctionalInterface
public interface PartitionEpochLookup {

    /** The epoch of the member holding the partition, or -1 if no member holds it. */
    int currentEpoch(Uuid topicId, int partition);
}
