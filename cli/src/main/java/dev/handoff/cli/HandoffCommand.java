package dev.handoff.cli;

import java.util.concurrent.Callable;
import dev.handoff.lab.LabCommand;
import dev.handoff.migrate.doctor.DoctorCommand;
import dev.handoff.migrate.groups.GroupsCommand;
import dev.handoff.migrate.playbook.MigrateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command; the work is done by its subcommands. */
@Command(name = "handoff",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Handoff: a Kafka-compatible broker built around server-side incremental rebalancing.",
        subcommands = {ServerCommand.class, LabCommand.class, GroupsCommand.class, DoctorCommand.class,
            MigrateCommand.class})
final class HandoffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
