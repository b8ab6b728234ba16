package dev.handoff.log;

/**
 * What the producer state remembers of one appended idempotent batch (Kafka's {@code BatchMetadata}).
 *
 * @param timestampMs the batch's max timestamp as stored (the broker time for LogAppendTime topics)
 */
record ProducerBatch(int firstSequence, int lastSequence, long firstOffset, long lastOffset, long timestampMs) {
}
