package dev.handoff.migrate.groups;

import dev.handoff.migrate.ConnectionOptions;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code handoff groups offsets}: per partition the committed offset, the end offset, the lag and the owner. */
@Command(name = "offsets", description = "Shows a group's committed offsets, end offsets and lag per partition.",
        mixinStandardHelpOptions = true)
public final class GroupsOffsetsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(paramLabel = "GROUP", description = "The group.")
    private String groupId;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        try (Admin admin = Admin.create(connection.settings().forClient("groups"))) {
            GroupOffsetsView offsets = new GroupInspector(admin).offsets(groupId);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(offsets) + "\n" : GroupRenderer.offsets(offsets));
            out.flush();
            return 0;
        }
    }
}
