package dev.handoff.testkit.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code group_member.py}: one librdkafka consumer in a classic group. Collects the JSON events it
 * prints while it runs; {@link #leave()} asks it to close (LeaveGroup) and waits for it to exit.
 */
final class RdkafkaGroupMember implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path stderr;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private RdkafkaGroupMember(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        // A thread of its own: a shared pool's threads could all be blocked reading other members.
        Thread reader = new Thread(this::collectEvents, "rdkafka-group-member-events");
        reader.setDaemon(true);
        reader.start();
    }

    static RdkafkaGroupMember start(String python, String bootstrap, String group, String topic, String strategy) {
        return start(RdkafkaTools.pythonScript(python, "group_member.py", bootstrap, group, topic, strategy));
    }

    /** A static member (KIP-345) with the given {@code group.instance.id}. */
    static RdkafkaGroupMember startStatic(String python, String bootstrap, String group, String topic,
                                          String strategy, String instanceId) {
        return start(RdkafkaTools.pythonScript(python, "group_member.py", bootstrap, group, topic, strategy,
                instanceId));
    }

    private static RdkafkaGroupMember start(List<String> command) {
        try {
            Path stderr = Files.createTempFile("rdkafka-group-member-", ".err");
            return new RdkafkaGroupMember(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many assignments it has received so far; a rebalance that reaches it adds at least one. */
    long assignmentCount() {
        return events.stream().filter(event -> event.get("event").asText().equals("assigned")).count();
    }

    /** The partitions of its latest assignment; empty before the first. */
    List<Integer> assignment() {
        List<Integer> latest = List.of();
        for (JsonNode event : events) {
            if (event.get("event").asText().equals("assigned")) {
                List<Integer> partitions = new ArrayList<>();
                event.get("partitions").forEach(partition -> partitions.add(partition.asInt()));
                latest = partitions;
            }
        }
        return latest;
    }

    /** Every record it read and committed, as "partition/offset=value". */
    List<String> records() {
        return events.stream().filter(event -> event.get("event").asText().equals("record"))
                .map(event -> event.get("partition").asInt() + "/" + event.get("offset").asLong() + "="
                        + event.get("value").asText())
                .toList();
    }

    /**
     * Asks the member to close, which leaves the group unless it is a static member, and fails unless it exits
     * cleanly in time.
     */
    void leave() {
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the group member did not exit within " + EXIT_TIMEOUT + "; events: "
                        + events);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("the group member exited with " + process.exitValue() + "; " + diagnostics());
        }
    }

    /** Its events and what it printed to standard error so far, for failure messages. */
    String diagnostics() {
        try {
            return "events: " + events + "; stderr: " + Files.readString(stderr);
        } catch (IOException e) {
            return "events: " + events + "; stderr unreadable: " + e;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // A temporary file left behind does no harm.
        }
    }

    private void collectEvents() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                events.add(JSON.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
