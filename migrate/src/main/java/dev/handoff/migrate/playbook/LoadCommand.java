package dev.handoff.migrate.playbook;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code handoff migrate load}: sequence-numbered traffic for {@code migrate verify}. Exit 1 if sends failed. */
@Command(name = "load",
        description = "Produces sequence-numbered records (run id and sequence number in headers) that "
                + "'migrate verify' can account for.",
        mixinStandardHelpOptions = true)
public final class LoadCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The cluster to write to.")
    private String to;

    @Option(names = "--topic", required = true, description = "The topic.")
    private String topic;

    @Option(names = "--run", required = true, description = "A run id that 'verify' filters on.")
    private String runId;

    @Option(names = "--count", defaultValue = "10000", description = "Records to send (default ${DEFAULT-VALUE}).")
    private long count;

    @Option(names = "--start", defaultValue = "0",
            description = "First sequence number, to continue a run on another cluster (default ${DEFAULT-VALUE}).")
    private long start;

    @Option(names = "--rate", defaultValue = "1000",
            description = "Records per second, 0 for as fast as possible (default ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--size", defaultValue = "100", description = "Value size in bytes (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Client properties.")
    private Path commandConfig;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Properties properties = ClientSettings.of(to, commandConfig).forClient("load");
        properties.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        SequenceLoad.Result result;
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            result = new SequenceLoad(Clock.systemUTC()).run(producer, topic, runId, start, count, rate, size);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(result) : "Run " + runId + ": sent " + result.sent() + " records ("
                + start + ".." + (start + count - 1) + ") to " + topic + " on " + to + ", acknowledged "
                + result.acknowledged() + ", failed " + result.failed());
        out.flush();
        return result.failed() == 0 ? 0 : 1;
    }
}
