package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * Apache Kafka 4.4.0 in KRaft combined mode (broker and controller in one JVM), launched from its Maven
 * artifacts the way {@code bin/kafka-storage.sh format} and {@code bin/kafka-server-start.sh} launch it.
 */
public final class KafkaProcess implements BrokerProcess {

    /**
     * {@code KAFKA_HEAP_OPTS} of {@code kafka-server-start.sh} and {@code KAFKA_JVM_PERFORMANCE_OPTS} of
     * {@code kafka-run-class.sh}; the scripts' GC log and JMX options are left out.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xmx1G", "-Xms1G",
            "-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent", "-Djava.awt.headless=true");

    private static final String VERSION = "4.4.0";
    /** Kafka's own layout, at INFO on standard output, which goes to the broker's log file. */
    private static final String LOG4J2_PROPERTIES = """
            appender.stdout.type=Console
            appender.stdout.name=STDOUT
            appender.stdout.layout.type=PatternLayout
            appender.stdout.layout.pattern=[%d] %p %m (%c)%n
            rootLogger.level=INFO
            rootLogger.appenderRef.stdout.ref=STDOUT
            """;

    private final Path workDir;
    private final KafkaServerProperties properties;
    private final BrokerJvm jvm;

    private KafkaProcess(Path workDir, KafkaServerProperties properties, BrokerJvm jvm) {
        this.workDir = workDir;
        this.properties = properties;
        this.jvm = jvm;
    }

    /**
     * Formats a fresh data directory, then starts Kafka and waits until it is ready. Formatting runs in its own
     * JVM before the broker is launched, so it is not part of {@link #startupTime()}.
     *
     * @param classpath  Kafka's runtime classpath ({@code bench/target/kafka-classpath.txt})
     * @param jvmOptions options for the broker's JVM, e.g. {@link #DEFAULT_JVM_OPTIONS}
     */
    public static KafkaProcess start(String classpath, List<String> jvmOptions) {
        Path workDir = Directories.createTemp("handoff-bench-kafka-");
        try {
            KafkaServerProperties properties = new KafkaServerProperties(
                    LoopbackPorts.freePort(), LoopbackPorts.freePort(), workDir.resolve("data"));
            Path serverProperties = Files.writeString(workDir.resolve("server.properties"), properties.render());
            Path log4j = Files.writeString(workDir.resolve("log4j2.properties"), LOG4J2_PROPERTIES);

            List<String> format = java(classpath, List.of(), log4j);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "--standalone",
                    "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties.toString()));
            BrokerJvm.runToCompletion(format, workDir, workDir.resolve("format.log"));

            List<String> server = java(classpath, jvmOptions, log4j);
            server.addAll(List.of("kafka.Kafka", serverProperties.toString()));
            BrokerJvm jvm = BrokerJvm.launch(server, workDir, workDir.resolve("server.log"),
                    properties.bootstrapServers());
            return new KafkaProcess(workDir, properties, jvm);
        } catch (IOException e) {
            Directories.deleteRecursively(workDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(workDir);
            throw e;
        }
    }

    /**
     * Reads the classpath the bench build resolved for Kafka's broker.
     *
     * @throws IllegalArgumentException if the file is missing, with how to make it
     */
    public static String readClasspath(Path classpathFile) {
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalArgumentException("No Kafka classpath at " + classpathFile
                    + ": build the bench module (./bench.sh does) to resolve Kafka's broker");
        }
        try {
            return Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> java(String classpath, List<String> jvmOptions, Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(BrokerJvm.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    @Override
    public String name() {
        return "Kafka " + VERSION;
    }

    @Override
    public String bootstrapServers() {
        return properties.bootstrapServers();
    }

    @Override
    public long pid() {
        return jvm.pid();
    }

    @Override
    public Duration startupTime() {
        return jvm.startupTime();
    }

    @Override
    public MemoryUsage memory() {
        return MemoryUsage.ofProcess(jvm.pid());
    }

    @Override
    public void close() {
        jvm.stop();
        Directories.deleteRecursively(workDir);
    }
}
