package dev.handoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BrokerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void rejectsAnUnknownBroker() {
        // When
        int exitCode = execute("broker", "--only", "redpanda");

        // Then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--only", "redpanda");
    }

    @Test
    void explainsHowToResolveKafkaWhenItsClasspathIsMissing(@TempDir Path dir) {
        // Given
        Path missing = dir.resolve("kafka-classpath.txt");

        // When
        int exitCode = execute("broker", "--only", "KAFKA", "--kafka-classpath-file", missing.toString());

        // Then
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("No Kafka classpath at " + missing, "build the bench module");
    }

    @Test
    void explainsHowToBuildHandoffWhenItsJarIsMissing(@TempDir Path dir) {
        // Given
        Path missing = dir.resolve("handoff.jar");

        // When
        int exitCode = execute("broker", "--only", "handoff", "--handoff-jar", missing.toString());

        // Then
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("No Handoff jar at " + missing);
    }

    private int execute(String... args) {
        CommandLine commandLine = BenchMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
