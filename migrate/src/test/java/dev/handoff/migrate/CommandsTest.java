package dev.handoff.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.migrate.doctor.DoctorCommand;
import dev.handoff.migrate.groups.GroupsCommand;
import dev.handoff.migrate.playbook.MigrateCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command classes the CLI registers: their usage, and that bad input is a usage error. */
class CommandsTest {

    @Test
    void groupsWithoutASubcommandShowsItsSubcommands() {
        // When
        CommandRun run = CommandRun.of(new GroupsCommand());

        // Then
        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("list").contains("describe").contains("offsets");
    }

    @Test
    void migrateWithoutASubcommandShowsThePlaybooks() {
        // When
        CommandRun run = CommandRun.of(new MigrateCommand());

        // Then
        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("copy-topics").contains("drain").contains("load").contains("verify");
    }

    @Test
    void doctorHelpDocumentsTheExitStatus() {
        // When
        CommandRun run = CommandRun.of(new DoctorCommand(), "--help");

        // Then
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit status: 0 ok, 1 warnings, 2 errors").contains("--window");
    }

    @Test
    void doctorWithoutABootstrapIsAUsageError() {
        // When
        CommandRun run = CommandRun.of(new DoctorCommand());

        // Then
        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--bootstrap");
    }

    @Test
    void drainRejectsAMalformedTimeout() {
        // When
        CommandRun run = CommandRun.of(new MigrateCommand(), "drain", "--from", "127.0.0.1:1", "--group", "g",
                "--timeout", "ten minutes");

        // Then
        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--timeout");
    }
}
