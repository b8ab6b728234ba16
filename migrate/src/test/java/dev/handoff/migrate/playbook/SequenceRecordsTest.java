package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class SequenceRecordsTest {

    @Test
    void sequenceNumberRoundTripsThroughTheHeaders() {
        // Given
        ProducerRecord<String, byte[]> record = SequenceRecords.record("orders", "run-1", 123_456_789_012L, 16);

        // When
        OptionalLong seq = SequenceRecords.seqOf(record.headers(), "run-1");

        // Then
        assertThat(seq).hasValue(123_456_789_012L);
        assertThat(record.value()).hasSize(16);
    }

    @Test
    void recordsOfAnotherRunAreIgnored() {
        // Given
        ProducerRecord<String, byte[]> record = SequenceRecords.record("orders", "run-1", 5, 0);

        // When
        OptionalLong seq = SequenceRecords.seqOf(record.headers(), "run-2");

        // Then
        assertThat(seq).isEmpty();
    }
}
