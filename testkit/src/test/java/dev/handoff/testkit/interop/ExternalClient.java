package dev.handoff.testkit.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client in another language run as a child process: every stdout line is one JSON event (the scripts under
 * {@code src/test/interop/}), stderr is kept for failure messages. Long-running scenarios stop on a line "stop".
 */
final class ExternalClient implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final List<Thread> readers;

    private ExternalClient(String name, Process process) {
        this.name = name;
        this.process = process;
        this.readers = List.of(pump(process.getInputStream(), line -> events.add(parse(line))),
                pump(process.getErrorStream(), line -> stderr.append(line).append('\n')));
    }

    static ExternalClient start(Path workDir, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().putAll(environment);
        try {
            return new ExternalClient(String.join(" ", command), builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a scenario to its end and returns the finished client; fails the test on a timeout. */
    static ExternalClient run(Path workDir, Map<String, String> environment, List<String> command) {
        ExternalClient client = start(workDir, environment, command);
        client.awaitExit();
        return client;
    }

    /** The events seen so far, of one type ({@code "event"} field). */
    List<JsonNode> events(String type) {
        return events.stream().filter(e -> type.equals(e.path("event").asText())).toList();
    }

    /** The one event of a type, failing with the client's stderr when it is missing. */
    JsonNode event(String type) {
        List<JsonNode> found = events(type);
        if (found.size() != 1) {
            throw new AssertionError(name + " reported " + found.size() + " '" + type + "' events; stderr:\n"
                    + stderr);
        }
        return found.get(0);
    }

    /** The highest version of each API the client sent, as it reported them last. */
    Map<String, Integer> versions() {
        return JSON.convertValue(event("versions").path("versions"),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, Integer.class));
    }

    /** Asks a long-running scenario to finish (a line "stop", then end of input). */
    void stop() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Already gone: awaitExit tells how it ended.
        }
    }

    int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not finish within " + TIMEOUT + "; stderr:\n" + stderr);
            }
            // The process is gone, but its last lines may still be on their way through the pipes.
            for (Thread reader : readers) {
                reader.join(TIMEOUT.toMillis());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    int exitCode() {
        return process.exitValue();
    }

    String stderr() {
        return stderr.toString();
    }

    @Override
    public String toString() {
        return name + " (exit " + (process.isAlive() ? "-" : process.exitValue()) + ")\nstderr:\n" + stderr;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return JSON.createObjectNode().put("event", "unparsed").put("line", line);
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(sink);
            } catch (IOException | UncheckedIOException e) {
                // The process went away; what it wrote until then is kept.
            }
        }, "external-client-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
