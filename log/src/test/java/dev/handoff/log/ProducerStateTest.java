package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.TestBatches.idempotent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32C;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerStateTest {

    private static final long PID = 4242L;
    private static final short EPOCH = 3;
    /** Positions in the magic-v2 batch header (compat matrix §6). */
    private static final int ATTRIBUTES_OFFSET = 21;
    private static final int BASE_SEQUENCE_OFFSET = 53;

    @TempDir
    Path root;

    private LogFixture fixture;
    private FilePartitionLog log;

    @BeforeEach
    void openLog() {
        fixture = new LogFixture(root, Map.of("segment.bytes", "400"));
        log = fixture.log();
    }

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    /** Seven batches of two records: sequences 0-1, 2-3, ... 12-13, offsets interleaved with a plain batch. */
    private void appendSevenBatches() {
        for (int i = 0; i < 7; i++) {
            log.append(TestBatches.batch(NOW, "plain" + i), NOW);
            log.append(idempotent(PID, EPOCH, i * 2, NOW, "a" + i, "b" + i), NOW);
        }
    }

    @Test
    void resendOfOneOfTheLastFiveBatchesReturnsTheOriginalOffsetsAndAppendsNothing() {
        // Given
        appendSevenBatches();
        long endBefore = log.logEndOffset();
        long sizeBefore = log.sizeInBytes();

        // When
        AppendResult result = log.append(idempotent(PID, EPOCH, 6, NOW, "a3", "b3"), NOW + 10);

        // Then
        assertThat(result.duplicate()).isTrue();
        assertThat(result.baseOffset()).isEqualTo(10);
        assertThat(result.lastOffset()).isEqualTo(11);
        assertThat(log.logEndOffset()).isEqualTo(endBefore);
        assertThat(log.sizeInBytes()).isEqualTo(sizeBefore);
    }

    @Test
    void resendOfABatchOlderThanTheLastFiveIsOutOfOrder() {
        // Given
        appendSevenBatches();

        // When / Then
        assertThatThrownBy(() -> log.append(idempotent(PID, EPOCH, 2, NOW, "a1", "b1"), NOW))
                .isInstanceOf(OutOfOrderSequenceException.class);
    }

    @Test
    void sequenceGapIsOutOfOrder() {
        // Given
        log.append(idempotent(PID, EPOCH, 0, NOW, "a"), NOW);

        // When / Then
        assertThatThrownBy(() -> log.append(idempotent(PID, EPOCH, 2, NOW, "c"), NOW))
                .isInstanceOf(OutOfOrderSequenceException.class);
        assertThat(log.logEndOffset()).isEqualTo(1);
    }

    @Test
    void epochBumpMustRestartAtSequenceZero() {
        // Given
        log.append(idempotent(PID, EPOCH, 0, NOW, "a", "b"), NOW);

        // When
        AppendResult bumped = log.append(idempotent(PID, (short) (EPOCH + 1), 0, NOW, "c"), NOW);

        // Then
        assertThat(bumped.baseOffset()).isEqualTo(2);
        assertThat(bumped.duplicate()).isFalse();
        assertThatThrownBy(() -> log.append(idempotent(PID, (short) (EPOCH + 2), 5, NOW, "d"), NOW))
                .isInstanceOf(OutOfOrderSequenceException.class);
    }

    @Test
    void olderEpochIsRejected() {
        // Given
        log.append(idempotent(PID, EPOCH, 0, NOW, "a"), NOW);

        // When / Then
        assertThatThrownBy(() -> log.append(idempotent(PID, (short) (EPOCH - 1), 1, NOW, "b"), NOW))
                .isInstanceOf(InvalidProducerEpochException.class);
    }

    @Test
    void negativeBaseSequenceIsInvalid() {
        // Given kafka-clients' builder refuses negative sequences, so the header is patched and re-checksummed
        MemoryRecords records = idempotent(PID, EPOCH, 0, NOW, "a");
        ByteBuffer buffer = records.buffer();
        buffer.putInt(BASE_SEQUENCE_OFFSET, -5);
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(ATTRIBUTES_OFFSET));
        buffer.putInt(DefaultRecordBatch.CRC_OFFSET, (int) crc.getValue());

        // When / Then
        assertThatThrownBy(() -> log.append(records, NOW)).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void unknownProducerMayStartAtAnySequence() {
        // When
        AppendResult result = log.append(idempotent(PID, EPOCH, 77, NOW, "a"), NOW);

        // Then
        assertThat(result.baseOffset()).isZero();
    }

    @Test
    void producerStateSurvivesACleanRestart() {
        // Given
        appendSevenBatches();
        FilePartitionLog reopened = fixture.reopen(NOW + 1_000);

        // When
        AppendResult duplicate = reopened.append(idempotent(PID, EPOCH, 12, NOW, "a6", "b6"), NOW + 1_000);

        // Then
        assertThat(duplicate.duplicate()).isTrue();
        assertThat(duplicate.baseOffset()).isEqualTo(19);
        assertThatThrownBy(() -> reopened.append(idempotent(PID, EPOCH, 20, NOW, "gap"), NOW + 1_000))
                .isInstanceOf(OutOfOrderSequenceException.class);
    }

    @Test
    void producerStateSurvivesAnUncleanStopByReplayingTheLog() {
        // Given
        appendSevenBatches();
        FilePartitionLog reopened = fixture.crashAndReopen(NOW + 1_000);

        // When
        AppendResult duplicate = reopened.append(idempotent(PID, EPOCH, 10, NOW, "a5", "b5"), NOW + 1_000);

        // Then
        assertThat(duplicate.duplicate()).isTrue();
        assertThat(duplicate.baseOffset()).isEqualTo(16);
        assertThat(reopened.append(idempotent(PID, EPOCH, 14, NOW, "next"), NOW + 1_000).baseOffset())
                .isEqualTo(21);
    }

    @Test
    void idleProducersExpireAfterProducerIdExpirationMs() {
        // Given
        log.append(idempotent(PID, EPOCH, 0, NOW, "a"), NOW);

        // When
        log.runHousekeeping(NOW + LogStoreSettings.DEFAULTS.producerIdExpirationMs());

        // Then a sequence that would be out of order for a known producer now starts fresh (rule 6)
        assertThat(log.append(idempotent(PID, EPOCH, 9, NOW + 86_400_000, "b"), NOW + 86_400_000).baseOffset())
                .isEqualTo(1);
    }
}
