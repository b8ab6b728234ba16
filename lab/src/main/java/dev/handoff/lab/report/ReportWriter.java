package dev.handoff.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.handoff.lab.timeline.Timeline;

/** Writes a run's report directory: {@code report.html}, {@code summary.json} and {@code events-<protocol>.csv}. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the HTML report's path */
    public static Path write(Path directory, String title, List<Timeline> timelines) throws IOException {
        Files.createDirectories(directory);
        for (Timeline timeline : timelines) {
            Files.writeString(directory.resolve("events-" + timeline.protocol().cliName() + ".csv"),
                RawData.eventsCsv(timeline));
        }
        Files.writeString(directory.resolve("summary.json"), RawData.summaryJson(timelines));
        Files.writeString(directory.resolve("summary.txt"), SummaryTable.render(timelines));
        Path html = directory.resolve("report.html");
        Files.writeString(html, HtmlReport.render(title, timelines));
        return html;
    }
}
