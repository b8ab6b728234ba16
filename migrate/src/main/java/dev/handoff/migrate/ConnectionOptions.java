package dev.handoff.migrate;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --bootstrap} and {@code --command-config}, as Kafka's own tools name them. */
public final class ConnectionOptions {

    @Option(names = {"--bootstrap", "--bootstrap-server"}, required = true, paramLabel = "HOST:PORT[,...]",
            description = "The cluster's bootstrap servers.")
    private String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Client properties (security settings, timeouts) for the Admin client.")
    private Path commandConfig;

    public ClientSettings settings() {
        return ClientSettings.of(bootstrap, commandConfig);
    }
}
