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
            writeEvents(directory, timeline);
        }
        return writeSummaries(directory, title, timelines);
    }

    /**
     * Writes the newest run's events and rewrites the summaries and the HTML report over every run so far, so a
     * multi-protocol run that is stopped still leaves the figures of the protocols it finished. Called after each
     * run, it ends with the same directory as {@link #write} after the last.
     *
     * @param timelinesSoFar the finished runs, the newest last
     * @return the HTML report's path
     */
    public static Path update(Path directory, String title, List<Timeline> timelinesSoFar) throws IOException {
        Files.createDirectories(directory);
        writeEvents(directory, timelinesSoFar.get(timelinesSoFar.size() - 1));
        return writeSummaries(directory, title, timelinesSoFar);
    }

    private static void writeEvents(Path directory, Timeline timeline) throws IOException {
        Files.writeString(directory.resolve("events-" + timeline.protocol().cliName() + ".csv"),
            RawData.eventsCsv(timeline));
    }

    private static Path writeSummaries(Path directory, String title, List<Timeline> timelines) throws IOException {
        Files.writeString(directory.resolve("summary.json"), RawData.summaryJson(timelines));
        Files.writeString(directory.resolve("summary.txt"), SummaryTable.render(timelines));
        Path html = directory.resolve("report.html");
        Files.writeString(html, HtmlReport.render(title, timelines));
        return html;
    }
}
