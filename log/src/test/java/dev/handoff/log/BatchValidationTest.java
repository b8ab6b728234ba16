package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchValidationTest {

    @TempDir
    Path root;

    private LogFixture fixture;

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    private FilePartitionLog logWith(Map<String, String> overrides) {
        fixture = new LogFixture(root, overrides);
        return fixture.log();
    }

    @Test
    void rejectsABatchWhoseCrcDoesNotMatchAndAppendsNothing() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        MemoryRecords records = batch(NOW, "payload");
        ByteBuffer buffer = records.buffer();
        buffer.put(buffer.limit() - 3, (byte) (buffer.get(buffer.limit() - 3) ^ 0x5a));

        // When / Then
        assertThatThrownBy(() -> log.append(records, NOW)).isInstanceOf(CorruptRecordException.class);
        assertThat(log.logEndOffset()).isZero();
        assertThat(log.sizeInBytes()).isZero();
    }

    @Test
    void rejectsTwoBatchesInOneAppend() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        MemoryRecords one = batch(NOW, "a");
        ByteBuffer both = ByteBuffer.allocate(one.sizeInBytes() * 2);
        both.put(one.buffer().duplicate()).put(one.buffer().duplicate()).flip();

        // When / Then
        assertThatThrownBy(() -> log.append(MemoryRecords.readableRecords(both), NOW))
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void rejectsOldMagicBatches() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        MemoryRecords v1 = MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V1, Compression.NONE,
                new SimpleRecord(NOW, "a".getBytes()));

        // When / Then
        assertThatThrownBy(() -> log.append(v1, NOW)).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void rejectsControlBatchesFromClients() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        MemoryRecords marker = MemoryRecords.withEndTransactionMarker(0L, NOW, 0, 7L, (short) 0,
                new EndTransactionMarker(ControlRecordType.COMMIT, 0));

        // When / Then
        assertThatThrownBy(() -> log.append(marker, NOW)).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void rejectsTimestampsTooFarInTheFutureOrPast() {
        // Given
        FilePartitionLog log = logWith(Map.of("message.timestamp.before.max.ms", "60000"));

        // When / Then
        assertThatThrownBy(() -> log.append(batch(NOW + 3_600_001, "future"), NOW))
                .isInstanceOf(InvalidTimestampException.class);
        assertThatThrownBy(() -> log.append(batch(NOW - 60_001, "past"), NOW))
                .isInstanceOf(InvalidTimestampException.class);
        assertThat(log.append(batch(NOW + 3_600_000, "edge"), NOW).baseOffset()).isZero();
    }

    @Test
    void rejectsProducerSetLogAppendTime() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        MemoryRecords records = batch(Compression.NONE, TimestampType.LOG_APPEND_TIME, NOW, "a");

        // When / Then
        assertThatThrownBy(() -> log.append(records, NOW)).isInstanceOf(InvalidTimestampException.class);
    }

    @Test
    void compactedTopicsRequireKeysEvenInsideCompressedBatches() {
        // Given
        FilePartitionLog log = logWith(Map.of("cleanup.policy", "compact"));
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(512), Compression.gzip().build(),
                TimestampType.CREATE_TIME, 0L);
        builder.append(NOW, "key".getBytes(), "v1".getBytes());
        builder.append(NOW, null, "v2".getBytes());

        // When / Then
        assertThatThrownBy(() -> log.append(builder.build(), NOW)).isInstanceOf(InvalidRecordException.class);
        assertThat(log.append(batch(NOW, "keyed"), NOW).baseOffset()).isZero();
    }

    @Test
    void rejectsBatchesLargerThanMaxMessageBytes() {
        // Given
        FilePartitionLog log = logWith(Map.of("max.message.bytes", "100"));

        // When / Then
        assertThatThrownBy(() -> log.append(batch(NOW, "x".repeat(200)), NOW))
                .isInstanceOf(RecordTooLargeException.class);
    }
}
