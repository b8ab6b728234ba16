package dev.handoff.lab;

import java.nio.file.Path;
import java.util.List;

import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.Scenario;
import picocli.CommandLine.Option;

/** The scenario options both lab commands share; defaults are {@link Scenario#defaults()}. */
final class ScenarioOptions {

    private static final Scenario DEFAULTS = Scenario.defaults();

    @Option(names = "--consumers", description = "Consumers in the group (default: ${DEFAULT-VALUE}).")
    int consumers = DEFAULTS.consumers();

    @Option(names = "--partitions", description = "Partitions of the topic (default: 2 per consumer).")
    Integer partitions;

    @Option(names = "--rate", description = "Records produced per second (default: ${DEFAULT-VALUE}).")
    int recordsPerSecond = DEFAULTS.recordsPerSecond();

    @Option(names = "--processing-ms", description = "Processing time per record (default: ${DEFAULT-VALUE}).")
    double processingMs = DEFAULTS.processingMs();

    @Option(names = "--pod-start-delay-ms", description = "From a replacement being scheduled to its consumer "
        + "starting (default: ${DEFAULT-VALUE}).")
    long podStartDelayMs = DEFAULTS.podStartDelayMs();

    @Option(names = "--step-wait-ms", description = "After a step's replacements start, wait before the next step "
        + "(default: ${DEFAULT-VALUE}).")
    long stepWaitMs = DEFAULTS.stepWaitMs();

    @Option(names = "--max-surge", description = "Replacements started before their predecessors stop "
        + "(default: ${DEFAULT-VALUE}).")
    int maxSurge = DEFAULTS.maxSurge();

    @Option(names = "--max-unavailable", description = "Consumers stopped at once per step (default: "
        + "${DEFAULT-VALUE}).")
    int maxUnavailable = DEFAULTS.maxUnavailable();

    @Option(names = "--kill", description = "Crash the old consumers (no commit, no LeaveGroup) instead of closing.")
    boolean kill;

    @Option(names = "--warmup-ms", description = "From the start to the first step (default: ${DEFAULT-VALUE}).")
    long warmupMs = DEFAULTS.warmupMs();

    @Option(names = "--cooldown-ms", description = "After the last step (default: ${DEFAULT-VALUE}).")
    long cooldownMs = DEFAULTS.cooldownMs();

    @Option(names = "--seed", description = "Seed of the simulated randomness (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--protocols", split = ",", description = "Protocols to run, one after the other "
        + "(default: classic-eager,classic-cooperative,consumer).")
    List<String> protocols = List.of("classic-eager", "classic-cooperative", "consumer");

    @Option(names = "--out", description = "Directory of the report (default: lab-report/<mode>-<time>).")
    Path out;

    Scenario scenario() {
        return new Scenario(consumers, partitions == null ? 2 * consumers : partitions, recordsPerSecond,
            processingMs, podStartDelayMs, stepWaitMs, maxSurge, maxUnavailable, kill, warmupMs, cooldownMs, seed);
    }

    List<Protocol> protocolList() {
        return protocols.stream().map(Protocol::fromCliName).toList();
    }
}
