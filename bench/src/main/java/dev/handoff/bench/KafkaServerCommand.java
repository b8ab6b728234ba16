package dev.handoff.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./bench.sh kafka-server}: Apache Kafka 4.4.0 on loopback with its own defaults, for runs of other tools
 * against it (for example {@code ./handoff lab rolling-deploy --bootstrap ...}). It runs until its standard
 * input ends (Ctrl-D, or the end of a pipe), then stops Kafka and deletes its data; interrupted, it kills Kafka.
 */
@Command(name = "kafka-server",
        mixinStandardHelpOptions = true,
        description = "Start Apache Kafka 4.4.0 (KRaft, combined mode, Kafka's defaults) on free loopback ports, print "
                + "its bootstrap address and run until standard input ends.")
final class KafkaServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--kafka-classpath-file", defaultValue = "bench/target/kafka-classpath.txt",
            description = "Kafka's runtime classpath, written by the bench build (default: ${DEFAULT-VALUE}).")
    private Path kafkaClasspathFile;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaProcess kafka = KafkaProcess.start(KafkaProcess.readClasspath(kafkaClasspathFile),
                KafkaProcess.DEFAULT_JVM_OPTIONS)) {
            out.println("Kafka 4.4.0 ready on " + kafka.bootstrapServers() + " (started in "
                    + kafka.startupTime().toMillis() + " ms); end standard input to stop it");
            out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
        return 0;
    }
}
