package dev.handoff.migrate.groups;

import dev.handoff.migrate.ConnectionOptions;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code handoff groups describe}: epochs, assignor and each member's protocol, assignment and pending work. */
@Command(name = "describe",
        description = "Describes groups: epochs, assignor, and per member its protocol, assigned and target "
                + "partitions and pending revocations.",
        mixinStandardHelpOptions = true)
public final class GroupsDescribeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Parameters(paramLabel = "GROUP", arity = "0..*", description = "Groups to describe; all groups if none.")
    private List<String> groupIds = List.of();

    @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
    private boolean json;

    @Override
    public Integer call() {
        try (Admin admin = Admin.create(connection.settings().forClient("groups"))) {
            GroupInspector inspector = new GroupInspector(admin);
            List<GroupView> groups = groupIds.isEmpty() ? inspector.describeAll() : inspector.describe(groupIds);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(groups));
            } else {
                groups.forEach(group -> out.print(GroupRenderer.description(group)));
            }
            out.flush();
            return 0;
        }
    }
}
