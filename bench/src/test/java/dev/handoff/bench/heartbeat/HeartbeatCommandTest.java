package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HeartbeatCommandTest {

    private final StringWriter err = new StringWriter();

    @Test
    void rejectsAVariantWhenNoHandoffIsLaunched() {
        // When
        int exitCode = execute("--bootstrap-server", "127.0.0.1:9092",
                "--handoff-variant", "off:handoff.flight.recorder.enable=false");

        // Then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--handoff-variant launches Handoff");
    }

    @Test
    void rejectsAMalformedVariantAsAUsageError() {
        // When
        int exitCode = execute("--handoff-variant", "handoff.flight.recorder.enable=false");

        // Then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("label:name=value");
    }

    @Test
    void rejectsZeroRepetitions() {
        // When
        int exitCode = execute("--repetitions", "0");

        // Then
        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--repetitions must be at least 1");
    }

    private int execute(String... args) {
        CommandLine commandLine = new CommandLine(new HeartbeatCommand());
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
