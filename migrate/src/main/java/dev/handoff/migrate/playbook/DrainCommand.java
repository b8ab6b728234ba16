package dev.handoff.migrate.playbook;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Json;
import dev.handoff.migrate.groups.GroupInspector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff migrate drain}: strategy B, sequential transition. Exit 0 drained, 1 timed out. */
@Command(name = "drain",
        description = "Watches a group's lag on the old cluster and exits 0 once it is fully drained and the end "
                + "offsets stopped moving, or 1 on timeout.",
        mixinStandardHelpOptions = true)
public final class DrainCommand implements Callable<Integer> {

    static final int TIMED_OUT = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "HOST:PORT", description = "The old cluster.")
    private String from;

    @Option(names = "--group", required = true, description = "The consumer group to watch.")
    private String groupId;

    @Option(names = "--timeout", defaultValue = "PT10M", paramLabel = "DURATION",
            description = "Give up after this long, ISO-8601 (default ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--interval", defaultValue = "PT2S", paramLabel = "DURATION",
            description = "Time between looks (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--progress", negatable = true,
            description = "Draw a progress bar (default: only when the output is a terminal).")
    private Boolean progress;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Client properties.")
    private Path commandConfig;

    @Option(names = "--json", description = "Print the outcome as JSON; no progress bar.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean bar = !json && (progress != null ? progress : System.console() != null);
        try (Admin admin = Admin.create(ClientSettings.of(from, commandConfig).forClient("drain"))) {
            DrainWatcher.Outcome outcome = new DrainWatcher(new GroupInspector(admin), Clock.systemUTC(),
                    new ProgressBar(out, bar)).watch(groupId, interval, timeout);
            if (json) {
                out.println(Json.write(outcome));
            } else if (outcome.drained()) {
                out.println("Group " + groupId + " is drained on " + from + " after " + outcome.waitedMs() / 1000
                        + " s: it can move to the new cluster.");
            } else {
                out.println("Group " + groupId + " still has " + outcome.last().remaining() + " records to consume "
                        + "on " + from + " after " + outcome.waitedMs() / 1000 + " s.");
            }
            out.flush();
            return outcome.drained() ? 0 : TIMED_OUT;
        }
    }
}
