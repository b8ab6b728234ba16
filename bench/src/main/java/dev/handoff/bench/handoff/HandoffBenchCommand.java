package dev.handoff.bench.handoff;

import dev.handoff.bench.BrokerProcess;
import dev.handoff.bench.HandoffOverrides;
import dev.handoff.bench.KafkaProcess;
import dev.handoff.bench.reliability.BrokerUnderTest;
import dev.handoff.lab.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff}: join and leave settle times and a rolling restart, Kafka 4.4.0 vs Handoff fast on and off. */
@Command(name = "handoff",
        mixinStandardHelpOptions = true,
        description = {
            "Faster handoffs, measured: Apache Kafka 4.4.0 (consumer protocol, classic eager)",
            "and Handoff (group.consumer.fast.heartbeat.enable on and off, classic eager for",
            "context), each broker a separate process on 127.0.0.1, real kafka-clients 4.4.0",
            "consumers with default settings. Per contender: the time until every partition is",
            "owned again after an isolated join and after an isolated leave (medians), then one",
            "lab rolling restart (30 consumers over 60 partitions): median/p99 handoff (revoked",
            "-> new owner receives it) and partition-seconds without an owner."})
public final class HandoffBenchCommand implements Callable<Integer> {

    /** The lab's workload (records per second, processing time, seed); the rollout timing is this command's. */
    private static final Scenario LAB_DEFAULTS = Scenario.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--contenders", split = ",",
            defaultValue = "KAFKA_CONSUMER,KAFKA_CLASSIC_EAGER,HANDOFF_FAST_ON,HANDOFF_FAST_OFF,HANDOFF_CLASSIC_EAGER",
            description = "Columns to run, in this order (default: all): ${COMPLETION-CANDIDATES}.")
    private List<Contender> contenders;

    @Option(names = "--settle-repetitions", defaultValue = "5",
            description = "Isolated joins and leaves per contender; 0 skips them (default: ${DEFAULT-VALUE}).")
    private int settleRepetitions;

    @Option(names = "--settle-repetitions-of", paramLabel = "CONTENDER=N",
            description = "Isolated joins and leaves of one contender instead of --settle-repetitions; repeatable, "
                    + "e.g. HANDOFF_FAST_ON=25 (Kafka's consumer-protocol join settles in the same time every run, "
                    + "Handoff's depends on the phase of the steady heartbeats and needs more runs).")
    private Map<Contender, Integer> settleRepetitionsOf = new EnumMap<>(Contender.class);

    @Option(names = "--settle-members", defaultValue = "3",
            description = "Consumers in the group the isolated join adds to (default: ${DEFAULT-VALUE}).")
    private int settleMembers;

    @Option(names = "--settle-partitions", defaultValue = "12",
            description = "Partitions of the isolated join's topic (default: ${DEFAULT-VALUE}).")
    private int settlePartitions;

    @Option(names = "--quiet-ms", defaultValue = "11500",
            description = "The group stays settled this long before each join and leave: past Handoff's fast window "
                    + "of 10 s (default: ${DEFAULT-VALUE}).")
    private long quietMs;

    @Option(names = "--quiet-jitter-ms", defaultValue = "5000",
            description = "0 to this, evenly spaced over the repetitions in a seeded order, is added to each quiet "
                    + "time, so joins and leaves fall at every phase of the steady heartbeats once (default: "
                    + "${DEFAULT-VALUE}, one Kafka consumer heartbeat interval).")
    private long quietJitterMs;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the order of the quiet-time jitters (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--no-rolling-restart", description = "Skip the rolling restart.")
    private boolean noRollingRestart;

    @Option(names = "--consumers", defaultValue = "30",
            description = "Rolling restart: consumers, restarted one at a time (default: ${DEFAULT-VALUE}).")
    private int consumers;

    @Option(names = "--partitions", defaultValue = "60",
            description = "Rolling restart: partitions (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--pod-start-delay-ms", defaultValue = "3000", description = "Rolling restart: from stopping "
            + "a consumer to its replacement starting (default: ${DEFAULT-VALUE}).")
    private long podStartDelayMs;

    @Option(names = "--step-wait-ms", defaultValue = "5000", description = "Rolling restart: from a replacement "
            + "starting to the next step (default: ${DEFAULT-VALUE}).")
    private long stepWaitMs;

    @Option(names = "--warmup-ms", defaultValue = "15000", description = "Rolling restart: from the group's "
            + "start to the first step (default: ${DEFAULT-VALUE}).")
    private long warmupMs;

    @Option(names = "--cooldown-ms", defaultValue = "15000", description = "Rolling restart: after the last step "
            + "(default: ${DEFAULT-VALUE}).")
    private long cooldownMs;

    @Option(names = "--kafka-classpath-file", defaultValue = "bench/target/kafka-classpath.txt",
            description = "Kafka's runtime classpath, written by the bench build (default: ${DEFAULT-VALUE}).")
    private Path kafkaClasspathFile;

    @Option(names = "--handoff-jar", defaultValue = "cli/target/handoff.jar",
            description = "Handoff's shaded CLI jar (default: ${DEFAULT-VALUE}).")
    private Path handoffJar;

    @Option(names = "--handoff-jvm-opts", defaultValue = "",
            description = "Handoff's JVM options (default: none, the JVM's defaults).")
    private String handoffJvmOptions;

    @Mixin
    private HandoffOverrides handoffOverrides;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SettleSettings settle = new SettleSettings(settleMembers, settlePartitions, settleRepetitions, quietMs,
                quietJitterMs, seed, 120_000);
        Optional<Scenario> rollingRestart = noRollingRestart ? Optional.empty() : Optional.of(scenario());
        boolean needsKafka = contenders.stream().anyMatch(c -> c.broker() == Contender.Broker.KAFKA);
        String kafkaClasspath = needsKafka ? KafkaProcess.readClasspath(kafkaClasspathFile) : "";
        Cluster.Launcher launcher = (broker, overrides) -> broker == Contender.Broker.KAFKA
                ? kafka(kafkaClasspath)
                : handoff(handoffOverrides.with(overrides));
        String loadAtStart = LoadAverage.oneMinute();
        Consumer<String> progress = line -> {
            err.println("[handoff] " + line);
            err.flush();
        };
        List<ContenderFigures> figures = new HandoffBenchmark(settle, settleRepetitionsOf, rollingRestart, launcher,
                progress).run(contenders.stream().distinct().toList());
        PrintWriter out = spec.commandLine().getOut();
        out.println(describe(settle, settleRepetitionsOf, rollingRestart) + " Load average (1 min) " + loadAtStart
                + " at the start, " + LoadAverage.oneMinute() + " at the end.");
        out.println();
        out.print(HandoffTable.render(figures));
        out.flush();
        return 0;
    }

    private Scenario scenario() {
        return new Scenario(consumers, partitions, LAB_DEFAULTS.recordsPerSecond(), LAB_DEFAULTS.processingMs(),
                podStartDelayMs, stepWaitMs, 0, 1, false, warmupMs, cooldownMs, LAB_DEFAULTS.seed());
    }

    private static String describe(SettleSettings settle, Map<Contender, Integer> repetitionsOf,
                                   Optional<Scenario> rollingRestart) {
        String text = String.format(Locale.ROOT, "Isolated join and leave: %d consumers + 1 over %d partitions, "
                + "quiet %d ms + 0..%d ms (seed %d) before each, %d times%s.", settle.members(), settle.partitions(),
                settle.quietMs(), settle.jitterMs(), settle.seed(), settle.repetitions(),
                repetitionsOf.isEmpty() ? "" : " (" + repetitionsOf + ")");
        return text + rollingRestart.map(s -> String.format(Locale.ROOT, " Rolling restart: %d consumers over %d "
                + "partitions, one at a time (stop, replacement after %d ms, next step %d ms later), %d records/s "
                + "at %.1f ms each, warm-up %d ms, cool-down %d ms.", s.consumers(), s.partitions(),
                s.podStartDelayMs(), s.stepWaitMs(), s.recordsPerSecond(), s.processingMs(), s.warmupMs(),
                s.cooldownMs()))
                .orElse(" No rolling restart.");
    }

    private static Cluster kafka(String classpath) {
        BrokerProcess kafka = KafkaProcess.start(classpath, KafkaProcess.DEFAULT_JVM_OPTIONS);
        return new Cluster() {
            @Override
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            @Override
            public void close() {
                kafka.close();
            }
        };
    }

    /** Handoff's CLI broker in its own process, with the contender's properties; the data is deleted on close. */
    private Cluster handoff(Map<String, String> overrides) {
        Path workDir = createTempDirectory();
        BrokerUnderTest handoff = new BrokerUnderTest(handoffJar, workDir, words(handoffJvmOptions), overrides);
        handoff.start();
        return new Cluster() {
            @Override
            public String bootstrapServers() {
                return handoff.bootstrapServers();
            }

            @Override
            public void close() {
                handoff.close();
                deleteRecursively(workDir);
            }
        };
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("handoff-bench-handoff-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
