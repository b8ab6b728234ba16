package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HandoffBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void rejectsAnUnknownContender() {
        // When
        int exitCode = execute("--contenders", "KAFKA_CONSUMER,REDPANDA");

        // Then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--contenders", "REDPANDA");
    }

    @Test
    void explainsHowToResolveKafkaBeforeStartingAnything(@TempDir Path dir) {
        // Given
        Path missing = dir.resolve("kafka-classpath.txt");

        // When
        int exitCode = execute("--contenders", "KAFKA_CONSUMER", "--kafka-classpath-file", missing.toString());

        // Then
        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).contains("No Kafka classpath at " + missing);
        assertThat(out.toString()).isEmpty();
    }

    private int execute(String... args) {
        return new CommandLine(new HandoffBenchCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
    }
}
