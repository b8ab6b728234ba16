package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CompressionPassThroughTest {

    /** Bytes before the magic byte are base offset, length and leader epoch, which the broker assigns. */
    private static final int MAGIC_OFFSET = 16;

    @TempDir
    Path root;

    private LogFixture fixture;

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    static Stream<Compression> codecs() {
        return Stream.of(Compression.NONE, Compression.gzip().build(), Compression.snappy().build(),
                Compression.lz4().build(), Compression.zstd().build());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void storesEveryCodecByteForByteAsProduced(Compression compression) {
        // Given
        fixture = new LogFixture(root, Map.of());
        FilePartitionLog log = fixture.log();
        log.append(TestBatches.batch(NOW, "first"), NOW);
        String[] values = new String[50];
        Arrays.setAll(values, i -> "value-" + i + "-" + "z".repeat(i));
        MemoryRecords produced = TestBatches.batch(compression, TimestampType.CREATE_TIME, NOW, values);
        byte[] original = TestBatches.bytes(TestBatches.copy(produced));

        // When
        log.append(produced, NOW);

        // Then
        var stored = log.read(1, 1 << 20, true).records();
        byte[] storedBytes = TestBatches.bytes(stored);
        RecordBatch batch = stored.batches().iterator().next();
        assertThat(batch.compressionType()).isEqualTo(compression.type());
        assertThat(batch.baseOffset()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(storedBytes, MAGIC_OFFSET, storedBytes.length))
                .isEqualTo(Arrays.copyOfRange(original, MAGIC_OFFSET, original.length));
        assertThat(TestBatches.values(stored)).containsExactly(values);
    }
}
