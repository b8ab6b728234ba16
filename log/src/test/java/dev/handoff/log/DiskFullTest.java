package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.LogFixture.TP;
import static dev.handoff.log.TestBatches.batch;
import static dev.handoff.log.TestBatches.offsets;
import static dev.handoff.log.TestBatches.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends that hit a full disk (a 1 MiB tmpfs) fail cleanly and leave a log that works once space returns. */
class DiskFullTest {

    private static final int BIG_VALUE_BYTES = 256 * 1024;

    @TempDir
    Path tempDir;

    private SmallFilesystem disk;
    private FileLogStore store;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        disk = SmallFilesystem.mount(tempDir.resolve("disk"), 1024);
    }

    @AfterEach
    void unmount() throws Exception {
        try {
            if (store != null) {
                store.close();
            }
        } finally {
            // Even when closing failed on a disk a failed test left full, the mount must go.
            disk.close();
        }
    }

    private PartitionLog openLog(Map<String, String> overrides) {
        LogConfig config = LogConfig.DEFAULTS.withOverrides(overrides);
        store = FileLogStore.open(disk.root().resolve("data"), topic -> config, NOW);
        return store.getOrCreate(TP, config);
    }

    @Test
    void anAppendThatRunsOutOfSpaceFailsWithAStorageErrorAndLeavesOnlyWholeBatches() throws IOException {
        // Given
        PartitionLog log = openLog(Map.of("flush.messages", "1"));
        for (int i = 0; i < 10; i++) {
            log.append(batch(NOW, "a" + i, "b" + i), NOW);
        }
        long sizeBefore = log.sizeInBytes();
        Path filler = disk.fillLeaving(64 * 1024);

        // When
        Throwable failure = catchAppend(log, bigBatch('x'));

        // Then
        assertThat(failure).isInstanceOf(KafkaStorageException.class);
        assertThat(log.logEndOffset()).isEqualTo(20);
        assertThat(log.sizeInBytes()).isEqualTo(sizeBefore);
        assertThat(Files.size(activeSegmentFile())).isEqualTo(sizeBefore);
        assertThat(readAllValues(log)).hasSize(20).startsWith("a0", "b0").endsWith("a9", "b9");
        Files.delete(filler);
    }

    @Test
    void appendsSucceedAgainOnceSpaceIsFreedWithoutARestart() throws IOException {
        // Given
        PartitionLog log = openLog(Map.of());
        log.append(batch(NOW, "before"), NOW);
        Path filler = disk.fillLeaving(64 * 1024);
        assertThatThrownBy(() -> log.append(bigBatch('x'), NOW)).isInstanceOf(KafkaStorageException.class);
        Files.delete(filler);

        // When
        AppendResult result = log.append(bigBatch('y'), NOW);

        // Then
        assertThat(result.baseOffset()).isEqualTo(1);
        assertThat(log.logEndOffset()).isEqualTo(2);
        List<String> values = readAllValues(log);
        assertThat(values).hasSize(2);
        assertThat(values.get(0)).isEqualTo("before");
        assertThat(values.get(1)).hasSize(BIG_VALUE_BYTES).matches("y+");
    }

    @Test
    void aLogThatHitAFullDiskRecoversEverythingAcknowledgedAfterACrash() throws IOException {
        // Given
        PartitionLog log = openLog(Map.of("flush.messages", "1", "segment.bytes", "300000"));
        List<String> acknowledged = new ArrayList<>();
        Path filler = disk.fillLeaving(400 * 1024);
        for (char c = 'a'; c <= 'f'; c++) {
            try {
                log.append(bigBatch(c), NOW);
                acknowledged.add(String.valueOf(c));
            } catch (KafkaStorageException diskFull) {
                break;
            }
        }
        Files.delete(filler);
        Path data = disk.root().resolve("data");
        Path copy = tempDir.resolve("after-crash");
        copyTree(data, copy);

        // When
        LogConfig config = log.config();
        try (FileLogStore reopened = FileLogStore.open(copy, topic -> config, NOW)) {
            PartitionLog recovered = reopened.get(TP).orElseThrow();

            // Then
            assertThat(acknowledged).isNotEmpty().hasSizeLessThan(6);
            assertThat(recovered.logEndOffset()).isEqualTo(acknowledged.size());
            assertThat(readAllValues(recovered)).extracting(value -> value.substring(0, 1))
                    .containsExactlyElementsOf(acknowledged);
        }
    }

    private static Throwable catchAppend(PartitionLog log, MemoryRecords records) {
        try {
            log.append(records, NOW);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private Path activeSegmentFile() throws IOException {
        try (Stream<Path> files = Files.list(disk.root().resolve("data").resolve("orders-0"))) {
            return files.filter(f -> f.toString().endsWith(SegmentFiles.LOG_SUFFIX)).sorted()
                    .reduce((first, second) -> second).orElseThrow();
        }
    }

    private static MemoryRecords bigBatch(char fill) {
        byte[] value = new byte[BIG_VALUE_BYTES];
        Arrays.fill(value, (byte) fill);
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(BIG_VALUE_BYTES + 1024),
                RecordBatch.CURRENT_MAGIC_VALUE, Compression.NONE, TimestampType.CREATE_TIME, 0L, NOW,
                RecordBatch.NO_PRODUCER_ID, RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE);
        builder.append(NOW, null, value);
        return builder.build();
    }

    private static List<String> readAllValues(PartitionLog log) {
        List<String> result = new ArrayList<>();
        long next = log.logStartOffset();
        while (next < log.logEndOffset()) {
            MemoryRecords read = toMemory(log.read(next, Integer.MAX_VALUE, true));
            result.addAll(values(read));
            List<Long> offsets = offsets(read);
            next = offsets.get(offsets.size() - 1) + 1;
        }
        return result;
    }

    private static MemoryRecords toMemory(ReadResult read) {
        return MemoryRecords.readableRecords(ByteBuffer.wrap(TestBatches.bytes(read.records())));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
