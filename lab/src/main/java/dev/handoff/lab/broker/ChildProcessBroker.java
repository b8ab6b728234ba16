package dev.handoff.lab.broker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Handoff broker in a JVM of its own, started from the lab's own class path. This is the lab's default: with
 * 150 consumers in the lab's JVM on two cores, a broker inside that JVM was starved of CPU by the consumers'
 * threads and answered requests tens of seconds late (docs/lab.md), which measured the machine, not the
 * protocol. A separate process is also how Kafka runs when the lab is pointed at it.
 */
public final class ChildProcessBroker implements LabBroker {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Thread outputPump;
    private final String bootstrapServers;
    private final Optional<String> consoleUrl;

    private ChildProcessBroker(Process process, Thread outputPump, String bootstrapServers,
                               Optional<String> consoleUrl) {
        this.process = process;
        this.outputPump = outputPump;
        this.bootstrapServers = bootstrapServers;
        this.consoleUrl = consoleUrl;
    }

    /**
     * Starts the broker and waits until it serves.
     *
     * @param properties broker properties by their Kafka names
     * @param log        where the broker's console output goes
     * @throws IllegalStateException if the broker exits or is not ready within {@code timeout}
     */
    public static ChildProcessBroker start(Map<String, String> properties, Path log, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            ChildBrokerMain.class.getName()));
        properties.forEach((name, value) -> command.add(name + "=" + value));
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the lab's broker", e);
        }
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> copyOutput(process, log, ready), "lab-broker-output");
        pump.setDaemon(true);
        pump.start();
        try {
            String[] addresses = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS).split(" ");
            return new ChildProcessBroker(process, pump, addresses[0],
                addresses.length > 1 ? Optional.of(addresses[1]) : Optional.empty());
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The lab's broker did not start; its output is in " + log, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the lab's broker started", e);
        }
    }

    /** Copies every line to the log; the ready line also completes {@code ready} with the addresses after it. */
    private static void copyOutput(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone() && line.startsWith(ChildBrokerMain.READY_MARKER + " ")) {
                    ready.complete(line.substring(ChildBrokerMain.READY_MARKER.length() + 1).strip());
                }
                out.write(line);
                out.write(System.lineSeparator());
                out.flush();
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("The broker's output ended before it was ready"));
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Optional<String> consoleUrl() {
        return consoleUrl;
    }

    /** Closes the broker's standard input, which stops it cleanly; a broker that does not stop is killed. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
            outputPump.join(STOP_TIMEOUT.toMillis());
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
