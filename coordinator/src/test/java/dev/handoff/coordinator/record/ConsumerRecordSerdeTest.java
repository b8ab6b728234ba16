package dev.handoff.coordinator.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes of the KIP-848 consumer group records: these hex strings are the on-disk format. If one fails, the
 * format changed and earlier logs would no longer load; add a new version instead of editing bytes.
 */
class ConsumerRecordSerdeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Uuid TOPIC = new Uuid(1L, 2L);
    private static final String TOPIC_HEX = "0000000000000001" + "0000000000000002";
    private static final String G = str("g");
    private static final String M = str("m");

    private final RecordSerde serde = new RecordSerde();

    static Stream<Arguments> records() {
        return Stream.of(
            Arguments.of(Records.consumerGroupEpoch("g", 7, 0x0102L),
                "0003" + "0000" + G,
                "0000" + "00000007" + "0000000000000102"),
            Arguments.of(Records.consumerGroupTombstone("g"), "0003" + "0000" + G, null),
            Arguments.of(Records.consumerMember("g", "m", new ConsumerMemberMetadataValue("i", null, "c", "/h",
                    List.of("a", "b"), "x.*", "uniform", 300)),
                "0005" + "0000" + G + M,
                "0000" + str("i") + "ffff" + str("c") + str("/h")
                    + "00000002" + str("a") + str("b") + str("x.*") + str("uniform") + "0000012c"),
            Arguments.of(Records.consumerMemberTombstone("g", "m"), "0005" + "0000" + G + M, null),
            Arguments.of(Records.consumerTargetAssignmentEpoch("g", 7, 1_000L),
                "0006" + "0000" + G,
                "0000" + "00000007" + "00000000000003e8"),
            Arguments.of(Records.consumerTargetAssignmentEpochTombstone("g"), "0006" + "0000" + G, null),
            Arguments.of(Records.consumerTargetAssignment("g", "m", List.of(new TopicPartitionsValue(TOPIC,
                    List.of(0, 2)))),
                "0007" + "0000" + G + M,
                "0000" + "00000001" + TOPIC_HEX + "00000002" + "00000000" + "00000002"),
            Arguments.of(Records.consumerTargetAssignmentTombstone("g", "m"), "0007" + "0000" + G + M, null),
            Arguments.of(Records.consumerCurrentAssignment("g", "m", new ConsumerCurrentAssignmentValue(5, 4, (byte) 1,
                    List.of(new TopicPartitionEpochsValue(TOPIC, List.of(0), List.of(3))),
                    List.of(new TopicPartitionEpochsValue(TOPIC, List.of(1), List.of(4))))),
                "0008" + "0000" + G + M,
                "0000" + "00000005" + "00000004" + "0001"
                    + "00000001" + TOPIC_HEX + "00000001" + "00000000" + "00000001" + "00000003"
                    + "00000001" + TOPIC_HEX + "00000001" + "00000001" + "00000001" + "00000004"),
            Arguments.of(Records.consumerCurrentAssignmentTombstone("g", "m"), "0008" + "0000" + G + M, null));
    }

    @ParameterizedTest
    @MethodSource("records")
    void writesConsumerGroupRecordsInTheDocumentedLayout(CoordinatorRecord record, String key, String value) {
        // When
        RecordSerde.Serialized serialized = serde.serialize(record);

        // Then
        assertThat(HEX.formatHex(serialized.key())).isEqualTo(key);
        assertThat(serialized.value() == null ? null : HEX.formatHex(serialized.value())).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("records")
    void readsGoldenConsumerGroupBytes(CoordinatorRecord record, String key, String value) {
        // When
        CoordinatorRecord read = serde.deserialize(HEX.parseHex(key), value == null ? null : HEX.parseHex(value))
            .orElseThrow();

        // Then
        assertThat(read).isEqualTo(record);
    }

    private static String str(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return String.format("%04x", bytes.length) + HEX.formatHex(bytes);
    }
}
