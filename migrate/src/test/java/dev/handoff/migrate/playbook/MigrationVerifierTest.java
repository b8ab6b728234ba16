package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MigrationVerifierTest {

    @Test
    void countsLostDuplicatedAndUnexpectedRecords() {
        // When
        VerificationReport report = MigrationVerifier.compare(List.of(0L, 1L, 2L, 3L), List.of(0L, 1L, 1L, 1L, 3L,
                9L));

        // Then
        assertThat(report.produced()).isEqualTo(4);
        assertThat(report.consumed()).isEqualTo(6);
        assertThat(report.lost()).isEqualTo(1);
        assertThat(report.lostSample()).containsExactly(2L);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.duplicatedSample()).containsExactly(1L);
        assertThat(report.unexpected()).isEqualTo(1);
        assertThat(report.nothingLost()).isFalse();
    }

    @Test
    void recordsBelowEachClustersCommittedOffsetAreConsumed() {
        // Given
        List<StoredRecord> old = List.of(new StoredRecord("t", 0, 0, 0), new StoredRecord("t", 0, 1, 1),
                new StoredRecord("t", 0, 2, 2));
        List<StoredRecord> next = List.of(new StoredRecord("t", 0, 0, 3), new StoredRecord("t", 0, 1, 4));
        TopicPartition tp = new TopicPartition("t", 0);

        // When
        VerificationReport report = MigrationVerifier.fromClusters(old, Map.of(tp, 2L), next, Map.of(tp, 2L),
                OptionalLong.of(6));

        // Then
        assertThat(report.lostSample()).containsExactly(2L, 5L);
        assertThat(report.duplicates()).isZero();
    }

    @Test
    void recordWrittenToBothClustersAndConsumedOnBothIsADuplicate() {
        // Given
        TopicPartition tp = new TopicPartition("t", 0);

        // When
        VerificationReport report = MigrationVerifier.fromClusters(List.of(new StoredRecord("t", 0, 0, 7)),
                Map.of(tp, 1L), List.of(new StoredRecord("t", 0, 0, 7)), Map.of(tp, 1L), OptionalLong.empty());

        // Then
        assertThat(report.produced()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.lost()).isZero();
    }
}
