package dev.handoff.bench.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real broker ({@code java -jar handoff.jar server}) as a separate process that can be killed with SIGKILL and
 * started again on the same port and data directory. Its output is appended to {@code broker.log} in the work
 * directory, across restarts.
 */
public final class BrokerUnderTest implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerUnderTest.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;
    /** {@code jcmd <pid> GC.heap_info}: the first line names the heap, its total and its used size. */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Path jar;
    private final Path workDir;
    private final List<String> jvmOptions;
    private final Map<String, String> overrides;
    private final int port;
    private volatile Process process;
    private int starts;

    /**
     * @param jar        the shaded CLI jar, {@code cli/target/handoff.jar}
     * @param workDir    where the properties, the data directory ({@code data}) and {@code broker.log} go
     * @param jvmOptions options of the broker's JVM, e.g. {@code -Xmx256m}
     * @param overrides  broker properties on top of node, listener and data directory
     */
    public BrokerUnderTest(Path jar, Path workDir, List<String> jvmOptions, Map<String, String> overrides) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No Handoff jar at " + jar.toAbsolutePath()
                    + ": build it with `mvn -B -o -q -pl cli -am package -Dquick`");
        }
        this.jar = jar.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
        this.overrides = Map.copyOf(overrides);
        this.port = freePort();
        // If the test or benchmark JVM dies first, its broker must not live on.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (isAlive()) {
                process.destroyForcibly();
            }
        }, "kill-broker-under-test"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return workDir.resolve("data");
    }

    /** Starts the broker and waits until it answers describeCluster. */
    public void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        try {
            Files.createDirectories(workDir);
            Path properties = Files.writeString(workDir.resolve("server.properties"), serverProperties());
            command.addAll(List.of("-jar", jar.toString(), "server", properties.toString()));
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command, e);
        }
        starts++;
        awaitReady();
    }

    private String serverProperties() {
        StringBuilder text = new StringBuilder()
                .append("node.id=1\n")
                .append("listeners=PLAINTEXT://").append(bootstrapServers()).append('\n')
                .append("log.dirs=").append(dataDir()).append('\n');
        new TreeMap<>(overrides).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM, as an operator stops it. */
    public void stop() {
        process.destroy();
        if (!awaitExit()) {
            kill();
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** How many times the broker process was launched. */
    public int starts() {
        return starts;
    }

    /** The broker JVM's used heap now, from {@code jcmd GC.heap_info}; empty if it cannot be read. */
    public Optional<Long> heapUsedBytes() {
        if (!isAlive()) {
            return Optional.empty();
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Matcher used = HEAP_USED.matcher(output);
            return used.find() ? Optional.of(Long.parseLong(used.group(1)) * 1024) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The largest resident set the current broker process has had ({@code VmHWM}); 0 if unknown. */
    public long peakRssBytes() {
        if (!isAlive()) {
            return 0;
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.replaceAll("[^0-9]", ""))
                    .mapToLong(kib -> Long.parseLong(kib) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The last lines the broker wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve("broker.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (isAlive()) {
            stop();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The broker exited with " + process.exitValue()
                        + "; its log ends with:\n" + logTail());
            }
            if (accepts() && answersDescribeCluster()) {
                return;
            }
            pause(Duration.ofMillis(100));
        }
        kill();
        throw new IllegalStateException("The broker was not ready within " + READY_TIMEOUT + "; its log ends with:\n"
                + logTail());
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean answersDescribeCluster() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            LOGGER.debug("Broker not ready yet: {}", e.toString());
            return false;
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }
}
