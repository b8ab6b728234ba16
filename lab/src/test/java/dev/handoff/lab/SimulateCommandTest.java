package dev.handoff.lab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {

    private static final String[] SMALL_SCENARIO = {"--consumers", "2", "--rate", "20", "--warmup-ms", "2000",
        "--pod-start-delay-ms", "500", "--step-wait-ms", "1000", "--cooldown-ms", "2000"};

    @Test
    void aRunStoppedDuringALaterProtocolKeepsTheFiguresOfTheProtocolsItFinished(@TempDir Path out) throws Exception {
        // Given a simulation that is stopped while it runs the consumer protocol
        CommandLine command = new CommandLine(new SimulateCommand((scenario, protocol, config) -> {
            if (protocol == Protocol.CONSUMER) {
                throw new IllegalStateException("stopped");
            }
            return Simulation.run(scenario, protocol, config);
        }));
        command.setOut(new PrintWriter(new StringWriter()));
        command.setErr(new PrintWriter(new StringWriter()));

        // When
        int exitCode = command.execute(withOptions("--protocols", "classic-eager,consumer", "--out", out.toString()));

        // Then
        assertThat(exitCode).isNotZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(names(summary.get("runs").fieldNames())).containsExactly("classic-eager");
        assertThat(summary.at("/runs/classic-eager/missing").asLong(-1)).isZero();
        assertThat(out.resolve("events-classic-eager.csv")).isNotEmptyFile();
        assertThat(out.resolve("events-consumer.csv")).doesNotExist();
        assertThat(Files.readString(out.resolve("summary.txt"))).contains("classic-eager").doesNotContain("consumer ");
        assertThat(Files.readString(out.resolve("report.html"))).contains("classic-eager");
    }

    @Test
    void aCompleteRunReportsEveryProtocol(@TempDir Path out) throws Exception {
        // Given
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand());
        command.setOut(new PrintWriter(printed));
        command.setErr(new PrintWriter(new StringWriter()));

        // When
        int exitCode = command.execute(withOptions("--protocols", "classic-eager,consumer", "--out", out.toString()));

        // Then
        assertThat(exitCode).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(names(summary.get("runs").fieldNames()))
            .containsExactly("classic-eager", "consumer");
        assertThat(out.resolve("events-consumer.csv")).isNotEmptyFile();
        assertThat(printed.toString()).contains("classic-eager", "consumer", "report: ");
    }

    private static String[] withOptions(String... more) {
        String[] all = new String[SMALL_SCENARIO.length + more.length];
        System.arraycopy(SMALL_SCENARIO, 0, all, 0, SMALL_SCENARIO.length);
        System.arraycopy(more, 0, all, SMALL_SCENARIO.length, more.length);
        return all;
    }

    private static List<String> names(Iterator<String> iterator) {
        List<String> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}
