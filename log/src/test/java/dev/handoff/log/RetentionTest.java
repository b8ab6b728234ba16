package dev.handoff.log;

import static dev.handoff.log.LogFixture.NOW;
import static dev.handoff.log.TestBatches.batch;
import static dev.handoff.log.TestBatches.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.errors.OffsetOutOfRangeException;
import org.apache.kafka.common.record.internal.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;

    private LogFixture fixture;

    @AfterEach
    void closeStore() {
        fixture.close();
    }

    /** Ten one-batch segments; batch i has timestamp NOW - (10 - i) hours. */
    private FilePartitionLog tenSegments(Map<String, String> overrides) {
        fixture = new LogFixture(root, overrides);
        FilePartitionLog log = fixture.log();
        for (int i = 0; i < 10; i++) {
            log.append(batch(NOW - (10 - i) * HOUR, "v" + i), NOW);
        }
        return log;
    }

    @Test
    void retentionMsDeletesOnlySegmentsWhoseNewestRecordIsTooOld() {
        // Given
        FilePartitionLog log = tenSegments(Map.of("segment.bytes", "100", "retention.ms", String.valueOf(5 * HOUR)));
        assertThat(log.segmentCount()).isEqualTo(10);

        // When
        int deleted = log.runHousekeeping(NOW);

        // Then
        assertThat(deleted).isEqualTo(5);
        assertThat(log.logStartOffset()).isEqualTo(5);
        assertThat(fixture.files(SegmentFiles.LOG_SUFFIX)).hasSize(5);
        assertThat(values(log.read(5, 1000, true).records())).containsExactly("v5");
        assertThatThrownBy(() -> log.read(4, 1000, true)).isInstanceOf(OffsetOutOfRangeException.class);
    }

    @Test
    void retentionNeverDeletesTheActiveSegment() {
        // Given
        FilePartitionLog log = tenSegments(Map.of("segment.bytes", "100", "retention.ms", "1"));

        // When
        log.runHousekeeping(NOW + 100 * HOUR);

        // Then
        assertThat(log.segmentCount()).isEqualTo(1);
        assertThat(log.logStartOffset()).isEqualTo(9);
        assertThat(log.logEndOffset()).isEqualTo(10);
    }

    @Test
    void retentionBytesDeletesTheOldestSegmentsUntilTheLogFits() {
        // Given
        FilePartitionLog log = tenSegments(Map.of("segment.bytes", "100"));
        long segmentSize = log.sizeInBytes() / 10;
        fixture.store().updateConfig(LogFixture.TP,
                log.config().withOverrides(Map.of("retention.bytes", String.valueOf(segmentSize * 3))));

        // When
        int deleted = log.runHousekeeping(NOW);

        // Then
        assertThat(deleted).isEqualTo(7);
        assertThat(log.logStartOffset()).isEqualTo(7);
        assertThat(log.sizeInBytes()).isEqualTo(segmentSize * 3);
    }

    @Test
    void aReadInFlightStillSeesItsDeletedSegmentUntilTheDeleteDelayPasses() {
        // Given
        FilePartitionLog log = tenSegments(Map.of("segment.bytes", "100", "retention.ms", String.valueOf(HOUR)));
        Records inFlight = log.read(0, 1000, true).records();

        // When
        log.runHousekeeping(NOW);

        // Then
        assertThat(log.logStartOffset()).isEqualTo(9);
        assertThat(values(inFlight)).containsExactly("v0");
    }

    @Test
    void logStartOffsetAfterRetentionSurvivesARestart() {
        // Given
        FilePartitionLog log = tenSegments(Map.of("segment.bytes", "100", "retention.ms", String.valueOf(5 * HOUR)));
        log.runHousekeeping(NOW);

        // When
        FilePartitionLog reopened = fixture.reopen(NOW);

        // Then
        assertThat(reopened.logStartOffset()).isEqualTo(5);
        assertThat(reopened.logEndOffset()).isEqualTo(10);
    }
}
