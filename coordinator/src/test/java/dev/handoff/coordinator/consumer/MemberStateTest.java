package dev.handoff.coordinator.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberStateTest {

    @Test
    void persistedBytesRoundTripAndUnknownBytesMapToUnknown() {
        // Given
        byte future = 42;

        // When
        MemberState unknown = MemberState.fromValue(future);

        // Then
        assertThat(unknown).isEqualTo(MemberState.UNKNOWN);
        for (MemberState state : MemberState.values()) {
            assertThat(MemberState.fromValue(state.value())).isEqualTo(state);
        }
    }
}
