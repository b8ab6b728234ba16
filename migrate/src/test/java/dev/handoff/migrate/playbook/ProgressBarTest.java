package dev.handoff.migrate.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void redrawsInPlaceWithACarriageReturn() {
        // Given
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true);

        // When
        bar.update(0.5, "lag 50");
        bar.update(1.0, "lag 0");
        bar.finish();

        // Then
        assertThat(text.toString()).isEqualTo("\r[###############...............]  50% lag 50"
                + "\r[##############################] 100% lag 0 \n");
    }

    @Test
    void disabledBarPrintsNothing() {
        // Given
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false);

        // When
        bar.update(0.3, "lag 7");
        bar.finish();

        // Then
        assertThat(text.toString()).isEmpty();
    }
}
