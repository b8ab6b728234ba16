package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Handoff's command-line broker, started as users start it: {@code ./handoff server server.properties}, on a free
 * loopback port, so it runs with the launcher's JVM options and class data sharing archive. The properties file
 * sets only the node, the listener and the data directory; anything else is passed as {@code --override name=value},
 * as an operator would.
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
     * @param jar        the shaded CLI jar, {@code cli/target/handoff.jar} beside the {@code handoff} launcher
     * @param jvmOptions options for the broker's JVM (the launcher's {@code HANDOFF_JAVA_OPTS}); empty for the
     *                   launcher's defaults
     * @param overrides  broker properties on top of node, listener and data directory
     * @throws IllegalArgumentException if the jar has not been built or has no launcher beside it
     */
    public static HandoffProcess start(Path jar, List<String> jvmOptions, Map<String, String> overrides) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No Handoff jar at " + jar + ": build it with ./handoff or "
                    + "`mvn -B -o -q -pl cli -am package -Dquick`");
        }
        Path launcher = launcherOf(jar);
        Path workDir = Directories.createTemp("handoff-bench-handoff-");
        try {
            List<String> launch = launchCommand(launcher, jvmOptions);
            // Untimed: after a build the launcher first records its class data sharing archive.
            BrokerJvm.runToCompletion(concat(launch, List.of("--version")), workDir, workDir.resolve("prepare.log"));
            String bootstrapServers = LOOPBACK + ":" + LoopbackPorts.freePort();
            Path serverProperties = Files.writeString(workDir.resolve("server.properties"), String.join("\n",
                    "node.id=1",
                    "listeners=PLAINTEXT://" + bootstrapServers,
                    "log.dirs=" + workDir.resolve("data"),
                    ""));
            List<String> command = concat(launch, List.of("server", serverProperties.toString()));
            overrides.forEach((name, value) -> command.addAll(List.of("--override", name + "=" + value)));
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

    /** The launcher runs {@code <home>/cli/target/handoff.jar}; the jar must be that one. */
    private static Path launcherOf(Path jar) {
        Path home = jar.toAbsolutePath().normalize().getParent().getParent().getParent();
        Path launcher = home == null ? null : home.resolve("handoff");
        try {
            if (launcher != null && Files.isExecutable(launcher)
                    && Files.isSameFile(jar, home.resolve(Path.of("cli", "target", "handoff.jar")))) {
                return launcher;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("Handoff is launched through its launcher, which runs "
                + "<checkout>/cli/target/handoff.jar; " + jar + " is not such a jar");
    }

    /**
     * {@code env} keeps the process id: it execs the launcher, which execs {@code java}. The jar is not rebuilt
     * (the benchmark measures the jar it was given), and the launcher uses the benchmark's JDK.
     */
    private static List<String> launchCommand(Path launcher, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of("env", "HANDOFF_BUILD=never",
                "JAVA_HOME=" + Path.of(BrokerJvm.javaExecutable()).getParent().getParent()));
        if (!jvmOptions.isEmpty()) {
            command.add("HANDOFF_JAVA_OPTS=" + String.join(" ", jvmOptions));
        }
        command.add(launcher.toString());
        return command;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
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
