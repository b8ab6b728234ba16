package dev.handoff.migrate.doctor;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.ConnectionOptions;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff doctor}: finds what stands between a cluster's consumers and the consumer group protocol, and
 * what is harming them now. Exit status: 0 nothing or only information, 1 warnings, 2 errors (also when the
 * cluster cannot be reached), so a deploy pipeline can gate on it.
 */
@Command(name = "doctor",
        description = "Checks groups and brokers for the classic-to-consumer protocol upgrade: classic groups and "
                + "members, protocol support, rebalance loops, members stuck revoking, assignor settings. "
                + "Exit status: 0 ok, 1 warnings, 2 errors.",
        mixinStandardHelpOptions = true)
public final class DoctorCommand implements Callable<Integer> {

    static final int UNREACHABLE = Severity.ERROR.exitCode();

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--window", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "How long to watch the groups for rebalance loops and stuck revocations, ISO-8601 "
                    + "(default ${DEFAULT-VALUE}; PT0S takes a single sample).")
    private Duration window;

    @Option(names = "--interval", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "Time between samples (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--loop-threshold", defaultValue = "" + Doctor.DEFAULT_LOOP_THRESHOLD, paramLabel = "N",
            description = "Rebalances within the window that make a loop (default ${DEFAULT-VALUE}).")
    private int loopThreshold;

    @Option(names = "--json", description = "Print JSON for scripts instead of text.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ClientSettings settings = connection.settings();
        try (Admin admin = Admin.create(settings.forClient("doctor"))) {
            DoctorSnapshot snapshot = new SnapshotCollector(admin, settings, Clock.systemUTC())
                    .collect(window, interval);
            DoctorReport report = new Doctor(loopThreshold).examine(snapshot);
            out.print(json ? Json.write(report) + "\n" : report.render());
            out.flush();
            return report.exitCode();
        } catch (KafkaException e) {
            spec.commandLine().getErr().println("Cannot examine " + settings.bootstrapServers() + ": "
                    + e.getMessage());
            return UNREACHABLE;
        }
    }
}
