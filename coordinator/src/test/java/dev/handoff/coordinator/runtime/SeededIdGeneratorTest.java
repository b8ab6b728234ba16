package dev.handoff.coordinator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class SeededIdGeneratorTest {

    @Test
    void sameSeedGivesTheSameKafkaShapedIds() {
        // Given
        SeededIdGenerator one = new SeededIdGenerator(42L);
        SeededIdGenerator two = new SeededIdGenerator(42L);

        // When
        String first = one.newMemberId("consumer-app-1");

        // Then
        assertThat(first).isEqualTo(two.newMemberId("consumer-app-1"));
        assertThat(one.newMemberId("consumer-app-1")).isNotEqualTo(first);
        String uuid = first.substring("consumer-app-1-".length());
        assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
        assertThat(UUID.fromString(uuid).variant()).isEqualTo(2);
    }
}
