package dev.handoff.cli;

import dev.handoff.server.BrokerConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code handoff server [server.properties] [--override name=value ...]}, like Kafka's
 * {@code kafka-server-start.sh}.
 */
@Command(name = "server",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = {"Runs the broker in the foreground until Ctrl-C (SIGINT) or SIGTERM.",
                "Without a file it reads config/server.properties from the working directory, else from the "
                        + "Handoff installation."})
final class ServerCommand implements Callable<Integer> {

    static final Path DEFAULT_CONFIG = Path.of("config", "server.properties");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "server.properties",
            description = "Broker properties file, with Kafka's property names.")
    private Path configFile;

    @Option(names = "--override", paramLabel = "name=value",
            description = "Sets a property, taking precedence over the file; repeatable.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    private final BrokerRunner runner;
    private final List<Path> defaultConfigCandidates;

    ServerCommand() {
        this(new ForegroundBrokerRunner());
    }

    /** The installed command with another runner. */
    ServerCommand(BrokerRunner runner) {
        this(runner, productionDefaults());
    }

    ServerCommand(BrokerRunner runner, List<Path> defaultConfigCandidates) {
        this.runner = runner;
        this.defaultConfigCandidates = List.copyOf(defaultConfigCandidates);
    }

    @Override
    public Integer call() throws Exception {
        return run(arguments(), spec.commandLine().getErr());
    }

    /** The arguments picocli parsed into this command. */
    ServerArguments arguments() {
        return new ServerArguments(Optional.ofNullable(configFile), overrides);
    }

    /**
     * Reads the configuration and runs the broker; {@link Main} calls this directly for the plain forms of the
     * command line (see {@link ServerArguments#parsePlain}).
     *
     * @param err where a usage error is reported
     * @return the runner's exit code, or picocli's usage exit code for a missing file or a bad property
     */
    int run(ServerArguments arguments, PrintWriter err) throws Exception {
        Optional<Path> file = arguments.configFile().or(() -> firstExisting(defaultConfigCandidates));
        if (file.isEmpty()) {
            return usageError(err, "No config file given and none found at " + defaultConfigCandidates);
        }
        BrokerConfig config;
        try {
            config = BrokerConfig.from(ServerProperties.load(file.get(), arguments.overrides()));
        } catch (ConfigException | IllegalArgumentException | ServerProperties.UnreadableException e) {
            return usageError(err, e.getMessage());
        }
        return runner.run(config);
    }

    private static int usageError(PrintWriter err, String message) {
        err.println("handoff server: " + message);
        return CommandLine.ExitCode.USAGE;
    }

    private static Optional<Path> firstExisting(List<Path> candidates) {
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** The working directory first, then the installation the launcher names in {@code handoff.home}. */
    private static List<Path> productionDefaults() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(DEFAULT_CONFIG);
        String home = System.getProperty("handoff.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home).resolve(DEFAULT_CONFIG));
        }
        return candidates;
    }
}
