package dev.handoff.bench.heartbeat;

import dev.handoff.bench.HandoffOverrides;
import dev.handoff.testkit.EmbeddedHandoff;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code soak}: the long sustained-load soak of issue 8 (the bounded CI run is {@code HeartbeatSoakIT}). */
@Command(name = "soak",
        mixinStandardHelpOptions = true,
        description = {
            "Keeps thousands of simulated KIP-848 members in hundreds of groups heartbeating at the interval the",
            "coordinator returns, while seeded random members leave and new ones join, for a bounded time.",
            "Checks that no member is fenced without cause and that the broker's heap after GC stays stable;",
            "reports heartbeat latency. Runs an embedded Handoff with shortened session and heartbeat settings,",
            "or a running broker (--bootstrap-server, configured by you; --broker-pid to read its heap)."})
public final class SoakCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadShapeOptions load;

    @Option(names = "--duration", defaultValue = "PT10M", description = "Soak time, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--leaves-per-second", defaultValue = "20",
            description = "Members leaving per second, each replaced by a new one (default: ${DEFAULT-VALUE}).")
    private double leavesPerSecond;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of who leaves and when (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--session-timeout-ms", defaultValue = "10000",
            description = "Embedded broker's group.consumer.session.timeout.ms (default: ${DEFAULT-VALUE}).")
    private int sessionTimeoutMs;

    @Option(names = "--heartbeat-interval-ms", defaultValue = "1000",
            description = "Embedded broker's group.consumer.heartbeat.interval.ms (default: ${DEFAULT-VALUE}).")
    private int heartbeatIntervalMs;

    @Option(names = "--heap-growth-limit", defaultValue = "2.0",
            description = "Largest heap after GC at the end / after joining (default: ${DEFAULT-VALUE}).")
    private double heapGrowthLimit;

    @Option(names = "--bootstrap-server", description = "Soak this running broker instead of an embedded Handoff.")
    private String bootstrapServer;

    @Option(names = "--broker-pid", description = "With --bootstrap-server: its JVM's pid, to read its heap with jcmd.")
    private Long brokerPid;

    @Mixin
    private HandoffOverrides handoffOverrides;

    @Override
    public Integer call() throws Exception {
        SoakSettings settings = new SoakSettings(load.shape(), duration, leavesPerSecond, seed);
        Soak soak = new Soak(settings, load.ioThreads);
        SoakReport report;
        String broker;
        if (bootstrapServer != null) {
            broker = bootstrapServer;
            report = soak.run(bootstrapServer, brokerPid == null ? () -> 0 : HeapProbe.ofProcess(brokerPid));
        } else {
            Map<String, String> brokerSettings = handoffOverrides.with(
                    SoakSettings.brokerSettings(sessionTimeoutMs, heartbeatIntervalMs));
            broker = "embedded Handoff, " + brokerSettings;
            try (EmbeddedHandoff handoff = EmbeddedHandoff.builder().brokerProperties(brokerSettings).start()) {
                report = soak.run(handoff.bootstrapServers(), HeapProbe.inProcess());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Broker: " + broker);
        out.println("Soak: " + settings.describe());
        out.print(report.render());
        boolean passed = report.passed(heapGrowthLimit);
        out.println(passed ? "PASSED" : "FAILED (heap growth limit x" + heapGrowthLimit + ")");
        out.flush();
        return passed ? 0 : 1;
    }
}
