package dev.handoff.log;

import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * The log of one partition: an ordered, durable sequence of magic-v2 record batches.
 *
 * <p>Appends are serialised by the implementation; reads may run concurrently with appends and with each
 * other. Time is always passed in ({@code nowMs}), never read from the wall clock, so the decision logic
 * (roll, retention, flush, timestamp validation) is deterministic under test.
 */
public interface PartitionLog {

    TopicPartition topicPartition();

    LogConfig config();

    /**
     * Validates and appends the batches a producer sent for this partition (Produce v3+: exactly one
     * batch), assigning offsets, the partition leader epoch and, for LogAppendTime topics, the timestamp.
     * Idempotent producer batches are checked against the producer state: a duplicate of one of the last
     * five batches is not appended again and returns the original offsets with {@code duplicate = true}.
     *
     * @param records the batches as received
     * @param nowMs   broker time, used for LogAppendTime, timestamp bounds, segment roll and flush
     * @throws org.apache.kafka.common.errors.ApiException the Kafka error for invalid input
     *         (CorruptRecordException, InvalidRecordException, RecordTooLargeException,
     *         InvalidTimestampException, OutOfOrderSequenceException, InvalidProducerEpochException),
     *         or KafkaStorageException when the disk fails
     */
    AppendResult append(MemoryRecords records, long nowMs);

    /**
     * Reads batches starting at the batch that contains {@code fetchOffset}.
     *
     * @param fetchOffset   first offset wanted; batches may start before it
     * @param maxBytes      upper bound on the bytes returned, except that with {@code minOneBatch} the
     *                      first batch is returned whole even if it is larger
     * @param minOneBatch   return at least one complete batch when data exists (KIP-74)
     * @throws org.apache.kafka.common.errors.OffsetOutOfRangeException if {@code fetchOffset} is below the
     *         log start offset or above the log end offset
     */
    ReadResult read(long fetchOffset, int maxBytes, boolean minOneBatch);

    long logStartOffset();

    long logEndOffset();

    /** Single node: every appended record is committed, so the high watermark is the log end offset. */
    long highWatermark();

    /** The first offset whose timestamp is at or after {@code timestampMs} (ListOffsets by timestamp). */
    Optional<TimestampAndOffset> offsetForTimestamp(long timestampMs);

    /** The offset of the record with the largest timestamp (ListOffsets -3, max timestamp). */
    Optional<TimestampAndOffset> maxTimestampAndOffset();

    /** Bytes on disk (or in memory) of all segments. */
    long sizeInBytes();

    /** Forces everything appended so far to stable storage. */
    void flush();

    /**
     * Housekeeping that depends on time: flushes by {@code flush.ms} and deletes segments past
     * {@code retention.ms} / {@code retention.bytes}. The active segment is never deleted.
     *
     * @return the number of segments deleted
     */
    int runHousekeeping(long nowMs);
}
