package dev.handoff.lab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.handoff.lab.timeline.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report is a pure function of the timelines: the same timeline gives these exact bytes. After an
 * intended change to the report, regenerate the golden file with {@code -Dlab.golden.update=true} and look at it.
 */
class HtmlReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/eager-report.html");

    @Test
    void rendersTheSameTimelineToTheGoldenBytes() throws IOException {
        // Given
        List<Timeline> timelines = List.of(RunMetricsTest.eagerTimeline());

        // When
        String html = HtmlReport.render("Golden", timelines);

        // Then
        if (Boolean.getBoolean("lab.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void isSelfContained() {
        // When
        String html = HtmlReport.render("Golden", List.of(RunMetricsTest.eagerTimeline()));

        // Then
        assertThat(html).doesNotContain("<script src", "<link ", "src=\"http", "href=\"http", "url(http")
            .contains("<svg", "class=\"pause\"", "class=\"curve\"", "coordinator");
    }
}
