package dev.handoff.migrate.groups;

import dev.handoff.migrate.ConnectionOptions;
import dev.handoff.migrate.Json;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff groups list}: every classic and consumer group with its type and state. */
@Command(name = "list", description = "Lists the groups with their type (classic / consumer) and state.",
        mixinStandardHelpOptions = true)
public final class GroupsListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        try (Admin admin = Admin.create(connection.settings().forClient("groups"))) {
            List<GroupListingView> groups = new GroupInspector(admin).list();
            spec.commandLine().getOut().print(json ? Json.write(groups) + "\n" : GroupRenderer.listing(groups));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
