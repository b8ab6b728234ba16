package dev.handoff.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code broker}: start-up time, throughput and memory of Kafka and Handoff, one after the other, fresh each. */
@Command(name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Compares Apache Kafka 4.4.0 and Handoff, each a separate process on 127.0.0.1.",
            "One after the other, fresh each: start-up time (launch -> first describeCluster), producer and",
            "consumer throughput (acks=all, default settings otherwise) and resident memory."})
final class BrokerCommand implements Callable<Integer> {

    enum Broker { KAFKA, HANDOFF }

    @Spec
    private CommandSpec spec;

    @Option(names = "--records", defaultValue = "1000000", description = "Records per producer run (default: ${DEFAULT-VALUE}).")
    private long records;

    @Option(names = "--record-sizes", split = ",", defaultValue = "100,1024",
            description = "Record value sizes in bytes (default: ${DEFAULT-VALUE}).")
    private List<Integer> recordSizes;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--repetitions", defaultValue = "3",
            description = "Producer and consumer runs per record size; medians are reported (default: ${DEFAULT-VALUE}).")
    private int repetitions;

    // Nine rather than three: on a shared two-core machine three launches of the same jar ranged over 80 ms.
    @Option(names = "--startups", defaultValue = "9",
            description = "Launches to time per broker; the median is reported (default: ${DEFAULT-VALUE}).")
    private int startups;

    @Option(names = "--only", description = "Run only one broker: ${COMPLETION-CANDIDATES}.")
    private Broker only;

    @Option(names = "--kafka-classpath-file", defaultValue = "bench/target/kafka-classpath.txt",
            description = "Kafka's runtime classpath, written by the bench build (default: ${DEFAULT-VALUE}).")
    private Path kafkaClasspathFile;

    @Option(names = "--kafka-jvm-opts", description = "Kafka's JVM options (default: those of kafka-server-start.sh: %n  "
            + "-Xmx1G -Xms1G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 ...).")
    private String kafkaJvmOptions;

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
        LoadSettings settings = new LoadSettings(startups, records, recordSizes, partitions, repetitions);
        BrokerBenchmark benchmark = new BrokerBenchmark(settings);
        Map<Broker, Supplier<BrokerProcess>> launchers = new EnumMap<>(Broker.class);
        if (only != Broker.HANDOFF) {
            String classpath = KafkaProcess.readClasspath(kafkaClasspathFile);
            List<String> jvmOptions = kafkaJvmOptions();
            launchers.put(Broker.KAFKA, () -> KafkaProcess.start(classpath, jvmOptions));
        }
        if (only != Broker.KAFKA) {
            List<String> jvmOptions = words(handoffJvmOptions);
            launchers.put(Broker.HANDOFF, () -> HandoffProcess.start(handoffJar, jvmOptions, handoffOverrides.asMap()));
        }
        Map<Broker, List<Duration>> startupTimes = benchmark.timeStartupsInTurn(launchers);
        Optional<BrokerFigures> kafka = Optional.empty();
        Optional<BrokerFigures> handoff = Optional.empty();
        if (launchers.containsKey(Broker.KAFKA)) {
            kafka = Optional.of(benchmark.run(launchers.get(Broker.KAFKA), startupTimes.get(Broker.KAFKA)));
        }
        if (launchers.containsKey(Broker.HANDOFF)) {
            handoff = Optional.of(benchmark.run(launchers.get(Broker.HANDOFF), startupTimes.get(Broker.HANDOFF)));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(settings.describe());
        kafka.ifPresent(figures -> out.println("Kafka JVM options: " + String.join(" ", kafkaJvmOptions())));
        handoff.ifPresent(figures -> out.println("Handoff JVM options: " + String.join(" ", words(handoffJvmOptions))));
        if (handoff.isPresent() && !handoffOverrides.asMap().isEmpty()) {
            out.println("Handoff overrides: " + handoffOverrides.asMap());
        }
        out.print(ComparisonTable.of(kafka, handoff).render());
        out.flush();
        return 0;
    }

    private List<String> kafkaJvmOptions() {
        return kafkaJvmOptions == null ? KafkaProcess.DEFAULT_JVM_OPTIONS : words(kafkaJvmOptions);
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
