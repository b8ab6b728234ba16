package dev.handoff.bench.reliability;

import dev.handoff.bench.HandoffOverrides;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crash-loop}: the long mode of the SIGKILL crash loop (the CI mode is {@code CrashLoopIT}). */
@Command(name = "crash-loop",
        mixinStandardHelpOptions = true,
        description = {
            "Kills Handoff with SIGKILL at random moments while idempotent acks=all producers write, restarts it,",
            "and after every restart reads the whole topic back against every acknowledgement.",
            "Prints cycles, records acknowledged, lost (must be 0) and corrupt (must be 0); exits 1 on any violation."})
public final class CrashLoopCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--cycles", defaultValue = "100", description = "Kill-and-restart cycles (default: ${DEFAULT-VALUE}).")
    private int cycles;

    @Option(names = "--seed", defaultValue = "8", description = "Seeds the kill moments (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--producers", defaultValue = "2", description = "Idempotent producers (default: ${DEFAULT-VALUE}).")
    private int producers;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--rate", defaultValue = "2000",
            description = "Records per second while the broker is up (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--up-ms", split = ",", defaultValue = "300,2000",
            description = "Shortest and longest time up before each kill (default: ${DEFAULT-VALUE}).")
    private List<Integer> upMs;

    @Option(names = "--flush-messages", defaultValue = "1",
            description = "log.flush.interval.messages: 1 = fsync before every acknowledgement (default: ${DEFAULT-VALUE}).")
    private long flushMessages;

    @Option(names = "--handoff-jar", defaultValue = "cli/target/handoff.jar",
            description = "Handoff's shaded CLI jar (default: ${DEFAULT-VALUE}).")
    private Path handoffJar;

    @Option(names = "--handoff-jvm-opts", defaultValue = "-Xmx256m",
            description = "The broker's JVM options (default: ${DEFAULT-VALUE}).")
    private String jvmOptions;

    @Mixin
    private HandoffOverrides handoffOverrides;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (upMs.size() != 2) {
            throw new IllegalArgumentException("--up-ms takes two values: shortest,longest");
        }
        CrashLoopSettings settings = new CrashLoopSettings(cycles, seed, producers, partitions, rate, upMs.get(0),
                upMs.get(1), 256 * 1024);
        Path workDir = Files.createTempDirectory("handoff-crash-loop-");
        out.println("Broker work directory (kept): " + workDir);
        try (BrokerUnderTest broker = new BrokerUnderTest(handoffJar, workDir, words(jvmOptions),
                handoffOverrides.with(Map.of("log.flush.interval.messages", Long.toString(flushMessages))))) {
            CrashLoopTotals totals = new CrashLoop(broker, settings, out).run();
            out.println(totals.summary());
            totals.violations().forEach(v -> out.println("violation: " + v));
            return totals.clean() ? 0 : 1;
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
