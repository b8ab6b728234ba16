package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.TestBatches.batch;
import static dev.handoff.log.TestBatches.batchBaseOffsets;
import static dev.handoff.log.TestBatches.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {

    @TempDir
    Path root;

    private LogFixture fixture;

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    private FilePartitionLog logWith(Map<String, String> overrides, int batches) {
        fixture = new LogFixture(root, overrides);
        FilePartitionLog log = fixture.log();
        for (int i = 0; i < batches; i++) {
            log.append(batch(NOW, "a" + i, "b" + i), NOW);
        }
        return log;
    }

    private static List<String> readAll(PartitionLog log) {
        List<String> values = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            ReadResult result = log.read(next, 1 << 20, true);
            values.addAll(values(result.records()));
            List<Long> bases = batchBaseOffsets(result.records());
            next = bases.get(bases.size() - 1) + 2;
        }
        return values;
    }

    private Path activeLogFile() {
        List<Path> logs = fixture.files(SegmentFiles.LOG_SUFFIX);
        return logs.get(logs.size() - 1);
    }

    @Test
    void randomBytesAfterTheLastBatchAreTruncatedOnAnUncleanStart() throws IOException {
        // Given
        FilePartitionLog log = logWith(Map.of(), 10);
        List<String> before = readAll(log);
        fixture.closeUncleanly();
        long goodSize = Files.size(activeLogFile());
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        Files.write(activeLogFile(), garbage, StandardOpenOption.APPEND);

        // When
        FilePartitionLog reopened = fixture.open(NOW);

        // Then
        assertThat(Files.size(activeLogFile())).isEqualTo(goodSize);
        assertThat(reopened.logEndOffset()).isEqualTo(20);
        assertThat(readAll(reopened)).isEqualTo(before);
        assertThat(reopened.append(batch(NOW, "after"), NOW).baseOffset()).isEqualTo(20);
    }

    @Test
    void aLastBatchCutInHalfIsDroppedAndEverythingBeforeItKept() throws IOException {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.bytes", "500"), 12);
        int lastBatchSize = log.read(22, 1 << 20, true).records().sizeInBytes();
        List<String> before = readAll(log);
        fixture.closeUncleanly();
        long size = Files.size(activeLogFile());
        try (FileChannel channel = FileChannel.open(activeLogFile(), StandardOpenOption.WRITE)) {
            channel.truncate(size - lastBatchSize / 2);
        }

        // When
        FilePartitionLog reopened = fixture.open(NOW);

        // Then
        assertThat(reopened.logEndOffset()).isEqualTo(22);
        assertThat(readAll(reopened)).isEqualTo(before.subList(0, 22));
        assertThat(Files.size(activeLogFile())).isEqualTo(size - lastBatchSize);
    }

    @Test
    void aCorruptBatchIsCutWithEverythingAfterIt() throws IOException {
        // Given
        FilePartitionLog log = logWith(Map.of(), 6);
        int batchSize = log.read(0, 1, true).records().sizeInBytes();
        List<String> before = readAll(log);
        fixture.closeUncleanly();
        try (FileChannel channel = FileChannel.open(activeLogFile(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x11, 0x22}), batchSize * 4L - 5);
        }

        // When
        FilePartitionLog reopened = fixture.open(NOW);

        // Then
        assertThat(reopened.logEndOffset()).isEqualTo(6);
        assertThat(readAll(reopened)).isEqualTo(before.subList(0, 6));
    }

    @Test
    void bytesAppendedAfterACleanShutdownAreCutAndNewAppendsStayReadable() throws IOException {
        // Given
        logWith(Map.of(), 3);
        fixture.reopen(NOW).flush();
        fixture.close();
        long cleanSize = Files.size(activeLogFile());
        byte[] garbage = new byte[97];
        new Random(11).nextBytes(garbage);
        Files.write(activeLogFile(), garbage, StandardOpenOption.APPEND);

        // When
        FilePartitionLog reopened = fixture.open(NOW);
        long appended = reopened.append(batch(NOW, "after"), NOW).baseOffset();

        // Then
        assertThat(appended).isEqualTo(6);
        assertThat(readAll(reopened)).endsWith("after").hasSize(7);
        assertThat(Files.size(activeLogFile())).isGreaterThan(cleanSize);
    }

    @Test
    void missingAndTruncatedIndexesAreRebuiltAndLookupsStayRight() throws IOException {
        // Given
        FilePartitionLog log = logWith(Map.of("segment.bytes", "700", "index.interval.bytes", "1"), 30);
        List<String> before = readAll(log);
        fixture.close();
        List<Path> indexes = fixture.files(SegmentFiles.INDEX_SUFFIX);
        List<Path> timeIndexes = fixture.files(SegmentFiles.TIME_INDEX_SUFFIX);
        long firstIndexSize = Files.size(indexes.get(0));
        Files.delete(indexes.get(0));
        try (FileChannel channel = FileChannel.open(indexes.get(1), StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(indexes.get(1)) - 3);
        }
        Files.delete(timeIndexes.get(1));

        // When
        FilePartitionLog reopened = fixture.open(NOW);

        // Then
        assertThat(Files.size(indexes.get(0))).isEqualTo(firstIndexSize);
        assertThat(readAll(reopened)).isEqualTo(before);
        for (long offset = 0; offset < 60; offset += 7) {
            assertThat(batchBaseOffsets(reopened.read(offset, 1, true).records())).containsExactly(offset & ~1L);
            assertThat(reopened.offsetForTimestamp(NOW)).contains(new TimestampAndOffset(NOW, 0));
        }
    }
}
