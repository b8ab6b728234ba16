package dev.handoff.log;

import org.apache.kafka.common.record.internal.Records;

/**
 * Batches read from a partition, as stored. For a file log {@code records} is a {@code FileRecords} slice so
 * the transport can send it without copying.
 */
public record ReadResult(Records records, long highWatermark, long logStartOffset) {
}
