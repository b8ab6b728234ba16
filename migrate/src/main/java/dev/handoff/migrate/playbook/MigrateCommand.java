package dev.handoff.migrate.playbook;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code handoff migrate}: the cluster-upgrade playbooks; the work is in its subcommands. */
@Command(name = "migrate",
        description = "Playbooks for moving consumers between clusters: copy-topics (A, direct cutover), drain "
                + "(B, sequential transition), load and verify (prove what was lost or duplicated). Strategy C "
                + "is the DualClusterConsumer library class.",
        mixinStandardHelpOptions = true,
        subcommands = {CopyTopicsCommand.class, DrainCommand.class, LoadCommand.class, VerifyCommand.class})
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
