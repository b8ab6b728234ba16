package dev.handoff.bench.reliability;

import dev.handoff.bench.HandoffOverrides;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fuzz}: the long mode of the protocol fuzzer (the CI mode is {@code ProtocolFuzzIT}). */
@Command(name = "fuzz",
        mixinStandardHelpOptions = true,
        description = {
            "Sends valid and mutated requests of every API Handoff announces over raw sockets, checking between rounds",
            "that the broker lives and a well-behaved client is served. Prints requests sent, broker restarts needed",
            "(must be 0) and the largest heap seen; exits 1 on any failure."})
public final class FuzzCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--requests", defaultValue = "500000", description = "Requests in total (default: ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--seed", defaultValue = "8", description = "Seeds every choice (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--workers", defaultValue = "8", description = "Connections at once (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--check-every", defaultValue = "5000",
            description = "Requests between broker checks (default: ${DEFAULT-VALUE}).")
    private int checkEvery;

    @Option(names = "--answer-timeout-ms", defaultValue = "200",
            description = "Wait this long for an answer (default: ${DEFAULT-VALUE}).")
    private int answerTimeoutMs;

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
        FuzzSettings settings = new FuzzSettings(requests, seed, workers, checkEvery, answerTimeoutMs);
        Path workDir = Files.createTempDirectory("handoff-fuzz-");
        out.println("Broker work directory (kept): " + workDir);
        List<String> options = Arrays.stream(jvmOptions.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        try (BrokerUnderTest broker = new BrokerUnderTest(handoffJar, workDir, options, handoffOverrides.asMap())) {
            FuzzTotals totals = new ProtocolFuzzer(broker, settings, out).run();
            out.println(totals.summary());
            totals.problems().forEach(p -> out.println("problem: " + p));
            return totals.clean() ? 0 : 1;
        }
    }
}
