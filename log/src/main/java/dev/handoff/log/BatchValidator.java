package dev.handoff.log;

import java.util.Iterator;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * The broker's checks on a produced batch (compat matrix §6). Split in two because the producer-state rules
 * (§5) run between them: {@link #checkStructure} first, {@link #checkContent} after.
 */
final class BatchValidator {

    private BatchValidator() {
    }

    /**
     * Exactly one magic-v2 batch (Produce v3+), a valid CRC, consistent sizes and counts, a base offset of 0
     * as clients send it, and no control batch.
     *
     * @return the batch, backed by the request buffer so offsets can be assigned in place
     */
    static MutableRecordBatch checkStructure(MemoryRecords records) {
        Iterator<MutableRecordBatch> batches = records.batches().iterator();
        if (!batches.hasNext()) {
            throw new InvalidRecordException("Produce requests must contain exactly one record batch");
        }
        MutableRecordBatch batch = batches.next();
        if (batch.sizeInBytes() != records.sizeInBytes()) {
            throw new InvalidRecordException("Produce requests must contain exactly one record batch");
        }
        if (batch.magic() != RecordBatch.MAGIC_VALUE_V2) {
            throw new InvalidRecordException("Record batch magic " + batch.magic() + " is not supported; need 2");
        }
        batch.ensureValid();
        Integer count = batch.countOrNull();
        long lastOffsetDelta = batch.lastOffset() - batch.baseOffset();
        if (count == null || count <= 0 || lastOffsetDelta + 1 != count) {
            throw new InvalidRecordException("Record batch count " + count + " does not match its last offset delta "
                    + lastOffsetDelta);
        }
        // Kafka (UnifiedLog.analyzeAndValidateRecords) requires clients to send base offset 0.
        if (batch.baseOffset() != 0) {
            throw new InvalidRecordException("The base offset of a produced batch must be 0, not "
                    + batch.baseOffset());
        }
        if (batch.isControlBatch()) {
            throw new InvalidRecordException("Clients may not write control batches");
        }
        return batch;
    }

    /**
     * Record timestamps against {@code message.timestamp.before/after.max.ms} (CreateTime topics), no
     * producer-set LogAppendTime, keys on compacted topics, sequential record offsets and
     * {@code max.message.bytes}. Records are decompressed only when a rule needs them.
     *
     * @return the largest record timestamp for CreateTime topics, else {@link RecordBatch#NO_TIMESTAMP}
     */
    static long checkContent(MutableRecordBatch batch, LogConfig config, long nowMs) {
        boolean createTime = config.timestampType() == TimestampType.CREATE_TIME;
        long maxTimestamp = RecordBatch.NO_TIMESTAMP;
        if (createTime || config.compact()) {
            maxTimestamp = checkRecords(batch, config, createTime, nowMs);
        }
        if (batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
            throw new InvalidTimestampException("Producers may not set the LogAppendTime timestamp type");
        }
        if (batch.sizeInBytes() > config.maxMessageBytes()) {
            throw new RecordTooLargeException("The batch is " + batch.sizeInBytes()
                    + " bytes, larger than max.message.bytes " + config.maxMessageBytes());
        }
        return maxTimestamp;
    }

    private static long checkRecords(MutableRecordBatch batch, LogConfig config, boolean createTime, long nowMs) {
        long maxTimestamp = RecordBatch.NO_TIMESTAMP;
        long expectedOffset = batch.baseOffset();
        try (CloseableIterator<Record> records = batch.streamingIterator(BufferSupplier.NO_CACHING,
                Records.SOFT_MAX_ARRAY_LENGTH)) {
            while (records.hasNext()) {
                Record record = records.next();
                if (record.offset() != expectedOffset++) {
                    throw new InvalidRecordException("Record offsets in the batch are not sequential");
                }
                if (createTime) {
                    checkTimestamp(record.timestamp(), config, nowMs);
                    maxTimestamp = Math.max(maxTimestamp, record.timestamp());
                }
                if (config.compact() && !record.hasKey()) {
                    throw new InvalidRecordException("Compacted topics accept only records with a key");
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (KafkaException e) {
            throw new CorruptRecordException("Records of the batch cannot be read: " + e.getMessage());
        }
        return maxTimestamp;
    }

    private static void checkTimestamp(long timestamp, LogConfig config, long nowMs) {
        if (nowMs - timestamp > config.timestampBeforeMaxMs() || timestamp - nowMs > config.timestampAfterMaxMs()) {
            throw new InvalidTimestampException("Timestamp " + timestamp + " is out of range: broker time " + nowMs
                    + ", message.timestamp.before.max.ms " + config.timestampBeforeMaxMs()
                    + ", message.timestamp.after.max.ms " + config.timestampAfterMaxMs());
        }
    }
}
