package dev.handoff.coordinator.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The classic protocol metadata of consumer group members (online migration) survives the log. */
class ClassicMemberMetadataSerdeTest {

    private final RecordSerde serde = new RecordSerde();

    @Test
    void classicMemberMetadataRoundTrips() {
        // Given
        CoordinatorRecord record = Records.consumerMember("g", "m", new ConsumerMemberMetadataValue("i", "rack",
            "c", "/h", List.of("orders"), null, null, 60_000, new ClassicMemberMetadataValue(30_000, List.of(
                new ProtocolValue("cooperative-sticky", Bytes.wrap(new byte[] {0, 3, 1})),
                new ProtocolValue("range", Bytes.wrap(new byte[0]))))));

        // When
        RecordSerde.Serialized bytes = serde.serialize(record);

        // Then
        assertThat(serde.deserialize(bytes.key(), bytes.value())).contains(record);
    }

    @Test
    void consumerProtocolMemberIsWrittenWithoutAClassicSection() {
        // Given
        ConsumerMemberMetadataValue consumer = new ConsumerMemberMetadataValue(null, null, "c", "/h",
            List.of("orders"), null, "uniform", 60_000);
        ConsumerMemberMetadataValue classic = new ConsumerMemberMetadataValue(null, null, "c", "/h",
            List.of("orders"), null, "uniform", 60_000, new ClassicMemberMetadataValue(30_000, List.of()));

        // When
        RecordSerde.Serialized consumerBytes = serde.serialize(Records.consumerMember("g", "m", consumer));
        RecordSerde.Serialized classicBytes = serde.serialize(Records.consumerMember("g", "m", classic));

        // Then
        assertThat(classicBytes.value().length - consumerBytes.value().length).isEqualTo(8);
        assertThat(serde.deserialize(consumerBytes.key(), consumerBytes.value()))
            .contains(Records.consumerMember("g", "m", consumer));
    }
}
