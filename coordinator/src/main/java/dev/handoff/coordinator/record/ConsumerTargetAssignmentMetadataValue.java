package dev.handoff.coordinator.record;

/**
 * The epoch of a consumer group's target assignment (Kafka's {@code ConsumerGroupTargetAssignmentMetadataValue}).
 *
 * @param assignmentEpoch the group epoch the target assignment was computed for
 * @param assignedAtMs    when it was computed; {@code group.consumer.assignment.interval.ms} counts from it
 *                        (KIP-1263), 0 when the next computation may run at once
 */
public record ConsumerTargetAssignmentMetadataValue(int assignmentEpoch, long assignedAtMs) {
}
