package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.TestBatches.batch;
import static dev.handoff.log.TestBatches.batchBaseOffsets;
import static dev.handoff.log.TestBatches.offsets;
import static dev.handoff.log.TestBatches.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePartitionLogTest {

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
    void assignsConsecutiveOffsetsAndReadsThemBackAcrossSegmentRolls() {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.bytes", "300", "index.interval.bytes", "100"));
        List<String> written = new ArrayList<>();
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(log.append(batch(NOW, "a" + i, "b" + i), NOW));
            written.add("a" + i);
            written.add("b" + i);
        }

        // When
        List<String> read = new ArrayList<>();
        long next = 0;
        while (next < log.logEndOffset()) {
            ReadResult result = log.read(next, 1 << 20, true);
            read.addAll(values(result.records()));
            List<Long> offsets = offsets(result.records());
            next = offsets.get(offsets.size() - 1) + 1;
        }

        // Then
        assertThat(results).extracting(AppendResult::baseOffset).startsWith(0L, 2L, 4L).endsWith(38L);
        assertThat(results).extracting(AppendResult::lastOffset).startsWith(1L, 3L, 5L);
        assertThat(log.segmentCount()).isGreaterThan(3);
        assertThat(read).isEqualTo(written);
        assertThat(log.logEndOffset()).isEqualTo(40);
        assertThat(log.highWatermark()).isEqualTo(40);
    }

    @Test
    void readsFromTheMiddleStartAtTheBatchContainingTheOffset() {
        // Given
        FilePartitionLog log = logWith(Map.of("index.interval.bytes", "1"));
        for (int i = 0; i < 50; i++) {
            log.append(batch(NOW, "x" + i, "y" + i, "z" + i), NOW);
        }

        // When
        ReadResult result = log.read(76, 1, true);

        // Then
        assertThat(result.records()).isInstanceOf(FileRecords.class);
        assertThat(batchBaseOffsets(result.records())).containsExactly(75L);
        assertThat(values(result.records())).containsExactly("x25", "y25", "z25");
        assertThat(result.highWatermark()).isEqualTo(150);
    }

    @Test
    void capsReadsAtMaxBytesOnBatchBoundaries() {
        // Given
        FilePartitionLog log = logWith(Map.of("index.interval.bytes", "200"));
        for (int i = 0; i < 30; i++) {
            log.append(batch(NOW, "v" + i), NOW);
        }
        int batchSize = log.read(0, 1, true).records().sizeInBytes();

        // When
        ReadResult result = log.read(3, batchSize * 5 + batchSize / 2, false);

        // Then
        assertThat(result.records().sizeInBytes()).isEqualTo(batchSize * 5);
        assertThat(batchBaseOffsets(result.records())).containsExactly(3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void returnsOneWholeBatchLargerThanMaxBytesOnlyWhenAskedForAtLeastOne() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        log.append(batch(NOW, "a", "b", "c"), NOW);

        // When
        ReadResult withMinOne = log.read(0, 10, true);
        ReadResult withoutMinOne = log.read(0, 10, false);

        // Then
        assertThat(values(withMinOne.records())).containsExactly("a", "b", "c");
        assertThat(withoutMinOne.records().sizeInBytes()).isZero();
    }

    @Test
    void readAtLogEndIsEmptyAndOutsideTheLogIsOutOfRange() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        log.append(batch(NOW, "a"), NOW);

        // When
        ReadResult atEnd = log.read(1, 1000, true);

        // Then
        assertThat(atEnd.records().sizeInBytes()).isZero();
        assertThatThrownBy(() -> log.read(2, 1000, true)).isInstanceOf(OffsetOutOfRangeException.class);
        assertThatThrownBy(() -> log.read(-1, 1000, true)).isInstanceOf(OffsetOutOfRangeException.class);
    }

    @Test
    void logAppendTimeTopicsStampBrokerTimeAndReportIt() {
        // Given
        FilePartitionLog log = logWith(Map.of("message.timestamp.type", "LogAppendTime"));

        // When
        AppendResult result = log.append(batch(NOW - 5_000, "a", "b"), NOW);

        // Then
        RecordBatch stored = log.read(0, 1000, true).records().batches().iterator().next();
        assertThat(result.logAppendTimeMs()).isEqualTo(NOW);
        assertThat(stored.timestampType()).isEqualTo(TimestampType.LOG_APPEND_TIME);
        assertThat(stored.maxTimestamp()).isEqualTo(NOW);
        assertThat(stored.isValid()).isTrue();
        assertThat(stored.partitionLeaderEpoch()).isZero();
    }

    @Test
    void createTimeTopicsReportNoAppendTimeAndFixAWrongMaxTimestamp() {
        // Given
        FilePartitionLog log = logWith(Map.of());
        var records = TestBatches.batch(Compression.NONE, TimestampType.CREATE_TIME, NOW - 10, "a");
        records.batches().iterator().next().setMaxTimestamp(TimestampType.CREATE_TIME, NOW - 999);

        // When
        AppendResult result = log.append(records, NOW);

        // Then
        RecordBatch stored = log.read(0, 1000, true).records().batches().iterator().next();
        assertThat(result.logAppendTimeMs()).isEqualTo(-1);
        assertThat(stored.maxTimestamp()).isEqualTo(NOW - 10);
        assertThat(stored.isValid()).isTrue();
    }

    @Test
    void findsTheFirstOffsetAtOrAfterATimestampAcrossSegments() {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.bytes", "400", "index.interval.bytes", "1"));
        for (int i = 0; i < 30; i++) {
            log.append(batch(NOW + i * 100L, "a" + i, "b" + i), NOW + 3_000);
        }

        // When
        var exact = log.offsetForTimestamp(NOW + 1_200);
        var between = log.offsetForTimestamp(NOW + 1_250);
        var first = log.offsetForTimestamp(0);
        var beyond = log.offsetForTimestamp(NOW + 10_000);

        // Then
        assertThat(log.segmentCount()).isGreaterThan(2);
        assertThat(exact).contains(new TimestampAndOffset(NOW + 1_200, 24));
        assertThat(between).contains(new TimestampAndOffset(NOW + 1_300, 26));
        assertThat(first).contains(new TimestampAndOffset(NOW, 0));
        assertThat(beyond).isEmpty();
    }

    @Test
    void reportsTheOffsetOfTheLargestTimestamp() {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.bytes", "300"));
        log.append(batch(NOW - 50, "a", "b"), NOW);
        log.append(batch(NOW - 10, "c", "d"), NOW);
        log.append(batch(NOW - 30, "e"), NOW);

        // When
        var max = log.maxTimestampAndOffset();

        // Then
        assertThat(max).contains(new TimestampAndOffset(NOW - 10, 2));
    }

    @Test
    void flushMessagesOfOneFsyncsBeforeTheAppendReturns() {
        // Given
        FilePartitionLog log = logWith(Map.of("flush.messages", "1"));
        long flushesBefore = log.flushCount();

        // When
        log.append(batch(NOW, "a", "b"), NOW);

        // Then
        assertThat(log.recoveryPoint()).isEqualTo(2);
        assertThat(log.flushCount()).isEqualTo(flushesBefore + 1);
    }

    @Test
    void withDefaultFlushSettingsAppendsDoNotFsyncUntilFlushMsPasses() {
        // Given
        FilePartitionLog log = logWith(Map.of("flush.ms", "1000"));
        log.append(batch(NOW, "a"), NOW);
        long afterAppend = log.recoveryPoint();

        // When
        log.runHousekeeping(NOW + 1_000);

        // Then
        assertThat(afterAppend).isZero();
        assertThat(log.recoveryPoint()).isEqualTo(1);
    }

    @Test
    void rollsWhenSegmentMsHasPassedSinceTheFirstBatch() {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.ms", "1000"));
        log.append(batch(NOW, "a"), NOW);
        log.append(batch(NOW + 1_000, "b"), NOW + 1_000);

        // When
        log.append(batch(NOW + 1_001, "c"), NOW + 1_001);

        // Then
        assertThat(log.segmentCount()).isEqualTo(2);
        assertThat(fixture.files(SegmentFiles.LOG_SUFFIX)).extracting(p -> p.getFileName().toString())
                .containsExactly("00000000000000000000.log", "00000000000000000002.log");
    }
}
