package dev.handoff.migrate.groups;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code handoff groups}: a rebalance-aware view of consumer groups; the work is in its subcommands. */
@Command(name = "groups",
        description = "Lists and describes consumer groups (classic and consumer protocol), their members and lag.",
        mixinStandardHelpOptions = true,
        subcommands = {GroupsListCommand.class, GroupsDescribeCommand.class, GroupsOffsetsCommand.class})
public final class GroupsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
