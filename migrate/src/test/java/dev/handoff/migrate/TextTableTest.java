package dev.handoff.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsColumnsAndPrintsMissingCellsAsDashes() {
        // Given
        TextTable table = new TextTable("GROUP", "LAG").row("orders", 12).row("a", null);

        // When
        String text = table.render();

        // Then
        assertThat(text).isEqualTo("""
                GROUP   LAG
                orders  12
                a       -
                """);
    }
}
