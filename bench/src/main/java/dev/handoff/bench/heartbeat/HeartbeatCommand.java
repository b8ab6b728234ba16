package dev.handoff.bench.heartbeat;

import dev.handoff.bench.BrokerProcess;
import dev.handoff.bench.HandoffOverrides;
import dev.handoff.bench.HandoffProcess;
import dev.handoff.bench.KafkaProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code heartbeat}: ConsumerGroupHeartbeat throughput and latency of Kafka and Handoff, fresh broker each. */
@Command(name = "heartbeat",
        mixinStandardHelpOptions = true,
        description = {
            "Steady-state ConsumerGroupHeartbeat (KIP-848) throughput and latency from thousands of simulated",
            "members over a few pipelined connections, against Apache Kafka 4.4.0 and Handoff, each a fresh",
            "process on 127.0.0.1, one after the other. Closed loop by default: every member heartbeats again",
            "as soon as it is answered, ignoring the interval the broker returns; --rate makes it open loop."})
public final class HeartbeatCommand implements Callable<Integer> {

    enum Broker { KAFKA, HANDOFF }

    @Spec
    private CommandSpec spec;

    @Mixin
    private LoadShapeOptions load;

    @Option(names = "--duration", defaultValue = "PT20S", description = "Measured time, ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "PT5S",
            description = "Heartbeating after the groups settled, not measured (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--rate", description = "Open loop: heartbeats per second of all members together.")
    private Double rate;

    @Option(names = "--only", description = "Run only one broker: ${COMPLETION-CANDIDATES}.")
    private Broker only;

    @Option(names = "--bootstrap-server",
            description = "Measure this running broker instead of launching Kafka and Handoff (reported as Handoff).")
    private String bootstrapServer;

    @Option(names = "--kafka-classpath-file", defaultValue = "bench/target/kafka-classpath.txt",
            description = "Kafka's runtime classpath, written by the bench build (default: ${DEFAULT-VALUE}).")
    private Path kafkaClasspathFile;

    @Option(names = "--kafka-jvm-opts", description = "Kafka's JVM options (default: those of kafka-server-start.sh).")
    private String kafkaJvmOptions;

    @Option(names = "--handoff-jar", defaultValue = "cli/target/handoff.jar",
            description = "Handoff's shaded CLI jar (default: ${DEFAULT-VALUE}).")
    private Path handoffJar;

    @Option(names = "--handoff-jvm-opts", defaultValue = "",
            description = "Handoff's JVM options (default: none, the JVM's defaults).")
    private String handoffJvmOptions;

    @Mixin
    private HandoffOverrides handoffOverrides;

    @Option(names = "--handoff-variant", paramLabel = "label:name=value[,name=value]",
            converter = HandoffVariant.Converter.class,
            description = {"Also measure Handoff with these broker properties on top, in the same invocation, and",
                "compare it with plain Handoff; repeatable. E.g. 'recorder off:handoff.flight.recorder.enable=false'."})
    private List<HandoffVariant> variants = new ArrayList<>();

    @Option(names = "--repetitions", defaultValue = "1",
            description = "Runs per broker (a fresh process each), interleaved; medians are reported "
                    + "(default: ${DEFAULT-VALUE}).")
    private int repetitions;

    @Override
    public Integer call() throws Exception {
        validate();
        LoadShape shape = load.shape();
        Pacing pacing = rate == null ? Pacing.closedLoop() : Pacing.fixedRate(rate, load.members);
        HeartbeatBenchmark benchmark = new HeartbeatBenchmark(shape, warmUp, duration, load.ioThreads);
        List<HeartbeatFigures> kafka = new ArrayList<>();
        List<HeartbeatFigures> handoff = new ArrayList<>();
        Map<HandoffVariant, List<HeartbeatFigures>> variantRuns = new LinkedHashMap<>();
        String kafkaName = "Kafka 4.4.0";
        String handoffName = bootstrapServer == null ? "Handoff" : bootstrapServer;
        if (bootstrapServer != null) {
            for (int repetition = 0; repetition < repetitions; repetition++) {
                handoff.add(benchmark.run(handoffName, bootstrapServer, pacing));
            }
        } else {
            String classpath = only == Broker.HANDOFF ? "" : KafkaProcess.readClasspath(kafkaClasspathFile);
            List<String> kafkaOptions = kafkaJvmOptions == null ? KafkaProcess.DEFAULT_JVM_OPTIONS
                    : words(kafkaJvmOptions);
            List<String> handoffOptions = words(handoffJvmOptions);
            // Interleaved, so that a change in the machine's load during the invocation hits every contender alike.
            for (int repetition = 0; repetition < repetitions; repetition++) {
                if (only != Broker.HANDOFF) {
                    kafka.add(run(benchmark, pacing, kafkaName, () -> KafkaProcess.start(classpath, kafkaOptions)));
                }
                if (only != Broker.KAFKA) {
                    handoff.add(run(benchmark, pacing, handoffName,
                            () -> HandoffProcess.start(handoffJar, handoffOptions, handoffOverrides.asMap())));
                    for (HandoffVariant variant : variants) {
                        variantRuns.computeIfAbsent(variant, v -> new ArrayList<>()).add(run(benchmark, pacing,
                                variant.label(), () -> HandoffProcess.start(handoffJar, handoffOptions,
                                        handoffOverrides.with(variant.overrides()))));
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(shape.describe() + "; " + load.ioThreads + " load generator thread(s)");
        out.println("Pacing: " + pacing.describe() + "; warm-up " + warmUp + ", measured " + duration);
        out.println(repetitions + " run(s) per broker, interleaved; each figure is the median of its runs");
        if (!handoff.isEmpty() && !handoffOverrides.asMap().isEmpty()) {
            out.println("Handoff overrides: " + handoffOverrides.asMap());
        }
        out.print(HeartbeatTable.render(kafkaName, kafka, handoffName, handoff));
        variantRuns.forEach((variant, runs) -> {
            out.println();
            out.println(variant.label() + ": Handoff with " + variant.overrides());
            out.print(HeartbeatTable.renderVariant(handoffName, handoff, variant.label(), runs));
        });
        out.flush();
        return 0;
    }

    private void validate() {
        if (repetitions < 1) {
            throw new ParameterException(spec.commandLine(), "--repetitions must be at least 1");
        }
        if (!variants.isEmpty() && (bootstrapServer != null || only == Broker.KAFKA)) {
            throw new ParameterException(spec.commandLine(),
                    "--handoff-variant launches Handoff: not with --bootstrap-server or --only KAFKA");
        }
    }

    private static HeartbeatFigures run(HeartbeatBenchmark benchmark, Pacing pacing, String name,
                                        Supplier<BrokerProcess> launcher) throws Exception {
        try (BrokerProcess broker = launcher.get()) {
            return benchmark.run(name, broker.bootstrapServers(), pacing);
        }
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
