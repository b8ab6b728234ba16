package dev.handoff.lab.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTallyTest {

    @Test
    void countsMissingAndDuplicatedSequenceNumbers() {
        // Given
        RecordTally tally = new RecordTally();
        for (long seq = 0; seq < 5; seq++) {
            tally.produced(seq);
        }
        tally.processed(0);
        tally.processed(1);
        tally.processed(1);
        tally.processed(3);

        // When
        RecordTally.Counts counts = tally.counts();

        // Then
        assertThat(counts).isEqualTo(new RecordTally.Counts(5, 4, 2, 1));
        assertThat(tally.allProcessed()).isFalse();
    }
}
