package dev.handoff.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;

/** Builds produced batches the way kafka-clients does, and reads back what a log returns. */
final class TestBatches {

    private TestBatches() {
    }

    static MemoryRecords batch(long timestampMs, String... values) {
        return batch(Compression.NONE, TimestampType.CREATE_TIME, timestampMs, values);
    }

    static MemoryRecords batch(Compression compression, TimestampType type, long timestampMs, String... values) {
        return build(compression, type, RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH,
                RecordBatch.NO_SEQUENCE, timestampMs, values);
    }

    static MemoryRecords idempotent(long producerId, short epoch, int baseSequence, long timestampMs,
                                    String... values) {
        return build(Compression.NONE, TimestampType.CREATE_TIME, producerId, epoch, baseSequence, timestampMs,
                values);
    }

    private static MemoryRecords build(Compression compression, TimestampType type, long producerId, short epoch,
                                       int baseSequence, long timestampMs, String... values) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024 + 64 * values.length),
                RecordBatch.CURRENT_MAGIC_VALUE, compression, type, 0L, timestampMs, producerId, epoch,
                baseSequence);
        for (String value : values) {
            builder.append(timestampMs, ("k-" + value).getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** A copy, because an append assigns offsets inside the buffer it is given. */
    static MemoryRecords copy(MemoryRecords records) {
        ByteBuffer buffer = ByteBuffer.allocate(records.sizeInBytes());
        buffer.put(records.buffer().duplicate());
        buffer.flip();
        return MemoryRecords.readableRecords(buffer);
    }

    static byte[] bytes(Records records) {
        ByteBuffer buffer = ByteBuffer.allocate(records.sizeInBytes());
        for (RecordBatch batch : records.batches()) {
            batch.writeTo(buffer);
        }
        return buffer.array();
    }

    static List<String> values(Records records) {
        List<String> values = new ArrayList<>();
        for (Record record : records.records()) {
            values.add(StandardCharsets.UTF_8.decode(record.value()).toString());
        }
        return values;
    }

    static List<Long> offsets(Records records) {
        List<Long> offsets = new ArrayList<>();
        for (Record record : records.records()) {
            offsets.add(record.offset());
        }
        return offsets;
    }

    static List<Long> batchBaseOffsets(Records records) {
        List<Long> offsets = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            offsets.add(batch.baseOffset());
        }
        return offsets;
    }
}
