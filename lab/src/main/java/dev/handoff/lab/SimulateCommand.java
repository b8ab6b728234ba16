package dev.handoff.lab;

import java.io.PrintWriter;
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
        + "time (no sockets, no threads): thousands of members in seconds. Same metrics and report, updated as "
        + "each protocol finishes.")
final class SimulateCommand implements Callable<Integer> {

    /** One protocol's simulation; the seam for tests. */
    @FunctionalInterface
    interface Simulator {
        Timeline run(Scenario scenario, Protocol protocol, Map<String, String> brokerConfig);
    }

    private final Simulator simulator;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ScenarioOptions options;

    @Option(names = "--broker-config", description = "Coordinator config by Kafka name, name=value (e.g. "
        + "group.consumer.fast.heartbeat.enable=false for Kafka's heartbeat behaviour).")
    private Map<String, String> brokerConfig = new HashMap<>();

    SimulateCommand() {
        this(Simulation::run);
    }

    SimulateCommand(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.scenario();
        Path out = options.out != null ? options.out
            : Path.of("lab-report", "simulated-" + scenario.consumers() + "-seed" + scenario.seed());
        PrintWriter err = spec.commandLine().getErr();
        List<Timeline> timelines = new ArrayList<>();
        Path html = null;
        for (Protocol protocol : options.protocolList()) {
            err.println("simulating " + protocol.cliName() + "...");
            err.flush();
            long startNanos = System.nanoTime();
            timelines.add(simulator.run(scenario, protocol, brokerConfig));
            long simulatedMs = (System.nanoTime() - startNanos) / 1_000_000;
            // Written at once: a long run that is stopped keeps the figures of the protocols it finished.
            html = ReportWriter.update(out, "Rolling deploy, simulated", timelines);
            err.printf("%s simulated in %.1f s of wall clock; report updated%n", protocol.cliName(),
                simulatedMs / 1000.0);
            err.flush();
        }
        spec.commandLine().getOut().print(SummaryTable.render(timelines));
        if (html != null) {
            spec.commandLine().getOut().println("report: " + html.toAbsolutePath());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
