package dev.handoff.coordinator.record;

/**
 * A consumer group's epoch (Kafka's {@code ConsumerGroupMetadataValue}).
 *
 * @param epoch        the group epoch
 * @param metadataHash hash of the subscribed topics' metadata at that epoch (KIP-1101); a different hash
 *                     against the current topics means the group epoch must be bumped
 */
public record ConsumerGroupMetadataValue(int epoch, long metadataHash) {
}
