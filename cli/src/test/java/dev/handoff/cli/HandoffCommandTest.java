package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HandoffCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void withoutASubcommandShowsTheSubcommandsAndFails() {
        // When
        int exitCode = execute();

        // Then
        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Usage: handoff")
                .contains("server", "lab", "groups", "doctor", "migrate");
    }

    @Test
    void printsItsVersion() {
        // When
        int exitCode = execute("--version");

        // Then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("handoff ");
    }

    @Test
    void serverHelpNamesTheOverrideOption() {
        // When
        int exitCode = execute("server", "--help");

        // Then
        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--override").contains("server.properties");
    }

    private int execute(String... args) {
        CommandLine commandLine = new CommandLine(new HandoffCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
