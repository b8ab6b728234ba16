package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class HandoffVariantTest {

    @Test
    void parsesALabelAndItsPropertiesInOrder() {
        // When
        HandoffVariant variant = HandoffVariant.parse(
                "recorder off:handoff.flight.recorder.enable=false,metrics.listener=http://127.0.0.1:0");

        // Then
        assertThat(variant.label()).isEqualTo("recorder off");
        assertThat(variant.overrides()).containsExactly(
                entry("handoff.flight.recorder.enable", "false"),
                entry("metrics.listener", "http://127.0.0.1:0"));
    }

    @Test
    void rejectsAVariantWithoutALabelOrWithoutAValue() {
        // When / Then
        assertThatIllegalArgumentException().isThrownBy(() -> HandoffVariant.parse("handoff.flight.recorder.enable"))
                .withMessageContaining("label:name=value");
        assertThatIllegalArgumentException().isThrownBy(() -> HandoffVariant.parse("off:enable"))
                .withMessageContaining("name=value");
    }
}
