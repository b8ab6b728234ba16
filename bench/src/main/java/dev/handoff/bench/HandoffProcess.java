package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Handoff's command-line broker, {@code java -jar handoff.jar server server.properties}, on a free loopback port;
 * the properties file sets only the node, the listener and the data directory.
 */
public final class HandoffProcess implements BrokerProcess {

    private static final String LOOPBACK = "127.0.0.1";

    private final Path workDir;
    private final String bootstrapServers;
    private final BrokerJvm jvm;

    private HandoffProcess(Path workDir, String bootstrapServers, BrokerJvm jvm) {
        this.workDir = workDir;
        this.bootstrapServers = bootstrapServers;
        this.jvm = jvm;
    }

    /**
     * Starts Handoff on a fresh data directory and waits until it is ready.
     *
     * @param jar        the shaded CLI jar, {@code cli/target/handoff.jar}
     * @param jvmOptions options for the broker's JVM; empty for the JVM's defaults
     * @throws IllegalArgumentException if the jar has not been built
     */
    public static HandoffProcess start(Path jar, List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No Handoff jar at " + jar + ": build it with ./handoff or "
                    + "`mvn -B -o -q -pl cli -am package -Dquick`");
        }
        Path workDir = Directories.createTemp("handoff-bench-handoff-");
        try {
            String bootstrapServers = LOOPBACK + ":" + LoopbackPorts.freePort();
            Path serverProperties = Files.writeString(workDir.resolve("server.properties"), String.join("\n",
                    "node.id=1",
                    "listeners=PLAINTEXT://" + bootstrapServers,
                    "log.dirs=" + workDir.resolve("data"),
                    ""));
            List<String> command = new ArrayList<>();
            command.add(BrokerJvm.javaExecutable());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "server", serverProperties.toString()));
            BrokerJvm jvm = BrokerJvm.launch(command, workDir, workDir.resolve("server.log"), bootstrapServers);
            return new HandoffProcess(workDir, bootstrapServers, jvm);
        } catch (IOException e) {
            Directories.deleteRecursively(workDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(workDir);
            throw e;
        }
    }

    @Override
    public String name() {
        return "Handoff";
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
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
