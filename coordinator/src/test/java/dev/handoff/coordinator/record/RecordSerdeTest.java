package dev.handoff.coordinator.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes: these hex strings are the on-disk format. If one of these tests fails, the format changed, and
 * logs written by earlier versions would no longer load; add a new version instead of editing bytes.
 */
class RecordSerdeTest {

    private static final HexFormat HEX = HexFormat.of();

    private final RecordSerde serde = new RecordSerde();

    private static final OffsetCommitRecord OFFSET_COMMIT =
        Records.offsetCommit("g", "t", 3, new OffsetCommitValue(42L, 5, "m", 1_000L, -1L));
    private static final String OFFSET_COMMIT_KEY = "0001" + "0000" + "000167" + "000174" + "00000003";
    private static final String OFFSET_COMMIT_VALUE = "0000" + "000000000000002a" + "00000005" + "00016d"
        + "00000000000003e8" + "ffffffffffffffff";

    private static final ClassicGroupRecord CLASSIC_GROUP = Records.classicGroup("g", new ClassicGroupValue(
        "consumer", 7, "range", "m-1", 2_000L, List.of(new ClassicMemberValue("m-1", null, "c", "/h", 300, 45,
            List.of(new ProtocolValue("range", Bytes.wrap(new byte[] {1, 2}))), Bytes.wrap(new byte[] {9})))));
    private static final String CLASSIC_GROUP_KEY = "0002" + "0000" + "000167";
    private static final String CLASSIC_GROUP_VALUE = "0000"
        + "0008" + HEX.formatHex("consumer".getBytes(StandardCharsets.UTF_8)) // protocol type
        + "00000007"                                    // generation
        + "0005" + HEX.formatHex("range".getBytes(StandardCharsets.UTF_8))    // protocol name
        + "0003" + HEX.formatHex("m-1".getBytes(StandardCharsets.UTF_8))      // leader
        + "00000000000007d0"                            // current state timestamp
        + "00000001"                                    // one member
        + "0003" + HEX.formatHex("m-1".getBytes(StandardCharsets.UTF_8))      // member id
        + "ffff"                                        // no instance id
        + "0001" + HEX.formatHex("c".getBytes(StandardCharsets.UTF_8))        // client id
        + "0002" + HEX.formatHex("/h".getBytes(StandardCharsets.UTF_8))       // client host
        + "0000012c" + "0000002d"                       // rebalance and session timeouts
        + "00000001" + "0005" + HEX.formatHex("range".getBytes(StandardCharsets.UTF_8)) + "00000002" + "0102" // protocols
        + "00000001" + "09";                            // assignment

    @Test
    void writesOffsetCommitsInTheDocumentedLayout() {
        // When
        RecordSerde.Serialized serialized = serde.serialize(OFFSET_COMMIT);

        // Then
        assertThat(HEX.formatHex(serialized.key())).isEqualTo(OFFSET_COMMIT_KEY);
        assertThat(HEX.formatHex(serialized.value())).isEqualTo(OFFSET_COMMIT_VALUE);
    }

    @Test
    void readsGoldenOffsetCommitBytes() {
        // When
        CoordinatorRecord record = serde.deserialize(HEX.parseHex(OFFSET_COMMIT_KEY), HEX.parseHex(OFFSET_COMMIT_VALUE))
            .orElseThrow();

        // Then
        assertThat(record).isEqualTo(OFFSET_COMMIT);
    }

    @Test
    void writesClassicGroupsInTheDocumentedLayout() {
        // When
        RecordSerde.Serialized serialized = serde.serialize(CLASSIC_GROUP);

        // Then
        assertThat(HEX.formatHex(serialized.key())).isEqualTo(CLASSIC_GROUP_KEY);
        assertThat(HEX.formatHex(serialized.value())).isEqualTo(CLASSIC_GROUP_VALUE);
    }

    @Test
    void readsGoldenClassicGroupBytes() {
        // When
        CoordinatorRecord record = serde.deserialize(HEX.parseHex(CLASSIC_GROUP_KEY), HEX.parseHex(CLASSIC_GROUP_VALUE))
            .orElseThrow();

        // Then
        assertThat(record).isEqualTo(CLASSIC_GROUP);
    }

    @Test
    void tombstonesHaveAKeyAndNoValue() {
        // When
        RecordSerde.Serialized serialized = serde.serialize(Records.classicGroupTombstone("g"));

        // Then
        assertThat(HEX.formatHex(serialized.key())).isEqualTo(CLASSIC_GROUP_KEY);
        assertThat(serialized.value()).isNull();
        assertThat(serde.deserialize(serialized.key(), null)).contains(Records.classicGroupTombstone("g"));
    }

    @Test
    void ignoresFieldsAppendedByANewerValueVersion() {
        // Given
        String newerValue = "0001" + OFFSET_COMMIT_VALUE.substring(4) + "cafe";

        // When
        CoordinatorRecord record = serde.deserialize(HEX.parseHex(OFFSET_COMMIT_KEY), HEX.parseHex(newerValue))
            .orElseThrow();

        // Then
        assertThat(record).isEqualTo(OFFSET_COMMIT);
    }

    @Test
    void skipsRecordTypesItDoesNotKnow() {
        // When / Then
        assertThat(serde.deserialize(HEX.parseHex("00630000"), HEX.parseHex("0000"))).isEmpty();
    }

    @Test
    void rejectsTruncatedRecords() {
        // Given
        byte[] truncated = HEX.parseHex(OFFSET_COMMIT_VALUE.substring(0, 20));

        // When / Then
        assertThatThrownBy(() -> serde.deserialize(HEX.parseHex(OFFSET_COMMIT_KEY), truncated))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
