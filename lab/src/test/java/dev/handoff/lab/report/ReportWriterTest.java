package dev.handoff.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.sim.Simulation;
import dev.handoff.lab.timeline.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    @Test
    void updatingAfterEachRunEndsWithTheDirectoryWrittenAtOnce(@TempDir Path tmp) throws IOException {
        // Given
        Scenario scenario = new Scenario(4, 8, 100, 2.0, 500, 2_000, 0, 1, false, 5_000, 5_000, 7);
        Timeline eager = Simulation.run(scenario, Protocol.CLASSIC_EAGER);
        Timeline consumer = Simulation.run(scenario, Protocol.CONSUMER);
        ReportWriter.write(tmp.resolve("at-once"), "t", List.of(eager, consumer));

        // When
        ReportWriter.update(tmp.resolve("run-by-run"), "t", List.of(eager));
        ReportWriter.update(tmp.resolve("run-by-run"), "t", List.of(eager, consumer));

        // Then
        assertThat(contents(tmp.resolve("run-by-run"))).isEqualTo(contents(tmp.resolve("at-once")))
            .containsKeys("summary.json", "summary.txt", "report.html", "events-classic-eager.csv",
                "events-consumer.csv");
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        }
        return files;
    }
}
