package dev.handoff.lab;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code handoff lab}: the rebalance lab. The work is done by its subcommands. */
@Command(name = "lab",
    mixinStandardHelpOptions = true,
    description = "The rebalance lab: rolling deploys with real consumers or simulated ones, per group protocol.",
    subcommands = {RollingDeployCommand.class, SimulateCommand.class})
public final class LabCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
