package dev.handoff.lab;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.handoff.coordinator.recorder.FlightRecorderConfig;
import dev.handoff.lab.broker.ChildProcessBroker;
import dev.handoff.lab.broker.InProcessBroker;
import dev.handoff.lab.broker.LabBroker;
import dev.handoff.lab.live.LiveRun;
import dev.handoff.lab.report.ReportWriter;
import dev.handoff.lab.report.SummaryTable;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutPlan;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff lab rolling-deploy}: the rollout with real kafka-clients consumers, once per protocol. */
@Command(name = "rolling-deploy",
    mixinStandardHelpOptions = true,
    description = "Rolls a group of real consumers out one by one (like a Kubernetes rolling update), per protocol, "
        + "and reports stalls, unavailable partitions, rebalances, latency and record accounting.")
final class RollingDeployCommand implements Callable<Integer> {

    /**
     * The embedded broker serves its web console on a free loopback port, so the run can be watched live
     * (issue 9); {@code --broker-config metrics.listener=...} replaces it.
     */
    private static final String METRICS_LISTENER = "metrics.listener";
    private static final String EPHEMERAL_LOOPBACK_LISTENER = "http://127.0.0.1:0";
    /**
     * The run copies each group's flight recording from the console every second; keeping ten times the broker's
     * default of events per group is a margin for a rollout's burst, and costs little for the lab's few groups.
     */
    private static final String LAB_RECORDER_EVENTS_PER_GROUP = "10000";
    private static final Duration BROKER_START_TIMEOUT = Duration.ofMinutes(1);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ScenarioOptions options;

    @Option(names = "--bootstrap", description = "Run against this cluster (any Kafka) instead of an embedded "
        + "Handoff broker.")
    private String bootstrap;

    @Option(names = "--in-process", description = "Run the embedded Handoff broker inside the lab's JVM instead of a "
        + "JVM of its own; the consumers then compete with it for CPU.")
    private boolean inProcess;

    @Option(names = "--broker-config", description = "Config of the embedded Handoff broker, name=value.")
    private Map<String, String> brokerConfig = new HashMap<>();

    @Option(names = "--consumer-config", description = "Extra consumer config for every consumer, name=value.")
    private Map<String, String> consumerConfig = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.scenario();
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        List<Timeline> timelines = new ArrayList<>();
        Path out = options.out != null ? options.out : Path.of("lab-report", "live-" + runId);
        Path html;
        try (LabBroker broker = bootstrap == null ? startBroker(out) : null) {
            String target = bootstrap == null ? broker.bootstrapServers() : bootstrap;
            LiveRun run = new LiveRun(target, runId, consumerConfig,
                broker == null ? Optional.empty() : broker.consoleUrl());
            long total = RolloutPlan.of(scenario).endMs();
            for (Protocol protocol : options.protocolList()) {
                if (broker != null) {
                    broker.consoleUrl().ifPresent(console -> printConsoleUrl(console, run.groupId(protocol)));
                }
                ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), protocol.cliName(), total);
                timelines.add(run.run(scenario, protocol, bar::update));
                bar.done();
            }
            // Written before the broker stops, so that nothing in the shutdown can cost the run's results.
            html = ReportWriter.write(out, "Rolling deploy, real consumers", timelines);
        }
        spec.commandLine().getOut().print(SummaryTable.render(timelines));
        spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private LabBroker startBroker(Path out) {
        Map<String, String> properties = new HashMap<>();
        properties.put(METRICS_LISTENER, EPHEMERAL_LOOPBACK_LISTENER);
        properties.put(FlightRecorderConfig.EVENTS_PER_GROUP, LAB_RECORDER_EVENTS_PER_GROUP);
        properties.putAll(brokerConfig);
        return inProcess
            ? InProcessBroker.start(properties)
            : ChildProcessBroker.start(properties, out.resolve("broker.log"), BROKER_START_TIMEOUT);
    }

    /** The group's page: the console routes on the URL fragment, {@code #/group/<url-encoded group id>}. */
    private void printConsoleUrl(String console, String groupId) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Console: " + console + "#/group/"
            + URLEncoder.encode(groupId, StandardCharsets.UTF_8).replace("+", "%20"));
        out.flush();
    }
}
