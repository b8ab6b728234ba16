package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RandomIdsTest {

    private static final int IDS = 20_000;

    @TempDir
    Path dir;

    @Test
    void idsAreDistinctVersionFourUuidsThatKafkaAccepts() {
        // Given
        Set<Uuid> ids = new HashSet<>();
        // When
        for (int i = 0; i < IDS; i++) {
            ids.add(RandomIds.uuid());
        }
        // Then
        assertThat(ids).hasSize(IDS).doesNotContainAnyElementsOf(Uuid.RESERVED);
        assertThat(ids).allSatisfy(id -> {
            UUID layout = new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
            assertThat(layout.version()).isEqualTo(4);
            assertThat(layout.variant()).isEqualTo(2);
            assertThat(id.toString()).doesNotStartWith("-");
            assertThat(Uuid.fromString(id.toString())).isEqualTo(id);
        });
    }

    @Test
    void idsAreRandomInEveryBitButTheLayoutsSix() {
        // Given
        long mostSignificantOr = 0;
        long mostSignificantAnd = -1;
        long leastSignificantOr = 0;
        long leastSignificantAnd = -1;
        // When
        for (int i = 0; i < 1_000; i++) {
            Uuid id = RandomIds.uuid();
            mostSignificantOr |= id.getMostSignificantBits();
            mostSignificantAnd &= id.getMostSignificantBits();
            leastSignificantOr |= id.getLeastSignificantBits();
            leastSignificantAnd &= id.getLeastSignificantBits();
        }
        // Then: the version nibble is 0100 and the variant bits 10; every other bit was seen both set and clear
        assertThat(mostSignificantOr).isEqualTo(~0xB000L);
        assertThat(mostSignificantAnd).isEqualTo(0x4000L);
        assertThat(leastSignificantOr).isEqualTo(0xBFFF_FFFF_FFFF_FFFFL);
        assertThat(leastSignificantAnd).isEqualTo(0x8000_0000_0000_0000L);
    }

    @Test
    void seedsDiffer() {
        // Given
        Set<Long> seeds = new HashSet<>();
        // When
        for (int i = 0; i < 1_000; i++) {
            seeds.add(RandomIds.seed());
        }
        // Then
        assertThat(seeds).hasSize(1_000);
    }

    @Test
    void fallsBackToSecureRandomWithoutTheSystemSource() {
        // Given
        Path missing = dir.resolve("no-such-device");
        // When
        Uuid first = RandomIds.uuid(missing);
        Uuid second = RandomIds.uuid(missing);
        // Then
        assertThat(first).isNotEqualTo(second);
        assertThat(new UUID(first.getMostSignificantBits(), first.getLeastSignificantBits()).version()).isEqualTo(4);
    }
}
