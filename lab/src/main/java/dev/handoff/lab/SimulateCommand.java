package dev.handoff.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.handoff.lab.report.ReportWriter;
import dev.handoff.lab.report.SummaryTable;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.sim.Simulation;
import dev.handoff.lab.timeline.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff lab simulate}: the same rollout against the coordinator core, simulated clients and time. */
@Command(name = "simulate",
    mixinStandardHelpOptions = true,
    description = "Runs the rolling deploy against Handoff's coordinator core with simulated clients and simulated "
        + "time (no sockets, no threads): thousands of members in seconds. Same metrics and report.")
final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ScenarioOptions options;

    @Option(names = "--broker-config", description = "Coordinator config by Kafka name, name=value (e.g. "
        + "group.consumer.fast.heartbeat.enable=false for Kafka's heartbeat behaviour).")
    private Map<String, String> brokerConfig = new HashMap<>();

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.scenario();
        List<Timeline> timelines = new ArrayList<>();
        for (Protocol protocol : options.protocolList()) {
            spec.commandLine().getErr().println("simulating " + protocol.cliName() + "...");
            spec.commandLine().getErr().flush();
            timelines.add(Simulation.run(scenario, protocol, brokerConfig));
        }
        Path out = options.out != null ? options.out
            : Path.of("lab-report", "simulated-" + scenario.consumers() + "-seed" + scenario.seed());
        Path html = ReportWriter.write(out, "Rolling deploy, simulated", timelines);
        spec.commandLine().getOut().print(SummaryTable.render(timelines));
        spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
