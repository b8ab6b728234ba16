package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, as {@code ./handoff server} runs it: starts, serves a real client, stops cleanly on SIGTERM. */
class HandoffJarIT {

    private static final Pattern STARTED = Pattern.compile("Handoff started in \\d+ ms on PLAINTEXT://(\\S+) ");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** What the JVM exits with after SIGTERM once its shutdown hooks are done. */
    private static final int EXIT_AFTER_SIGTERM = 128 + 15;

    @TempDir
    Path dir;

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;
    private Thread outputReader;

    @AfterEach
    void killTheBrokerIfStillRunning() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void servesClientsAndStopsCleanlyOnSigterm() throws Exception {
        // Given
        start("server", Path.of("..", "config", "server.properties").toString(),
                "--override", "listeners=PLAINTEXT://127.0.0.1:0",
                "--override", "log.dirs=" + dir.resolve("data"));
        String bootstrapServers = await().atMost(TIMEOUT).until(this::startedOn, Optional::isPresent).orElseThrow();

        // When
        List<Node> nodes = describeCluster(bootstrapServers);
        // SIGTERM through the handle: Process.destroy() would also close our end of its output.
        process.toHandle().destroy();

        // Then
        assertThat(nodes).hasSize(1);
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(process.exitValue()).isEqualTo(EXIT_AFTER_SIGTERM);
        outputReader.join(TIMEOUT.toMillis());
        assertThat(output).anyMatch(line -> line.contains("Handoff stopped"));
    }

    private void start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "handoff.jar").toString()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        outputReader = new Thread(this::collectOutput, "handoff-jar-output");
        outputReader.setDaemon(true);
        outputReader.start();
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException e) {
            output.add("(output closed: " + e + ")");
        }
    }

    private Optional<String> startedOn() {
        return output.stream().map(STARTED::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }

    private static List<Node> describeCluster(String bootstrapServers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            return List.copyOf(admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
