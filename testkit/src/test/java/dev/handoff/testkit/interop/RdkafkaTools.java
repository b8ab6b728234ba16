package dev.handoff.testkit.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds the librdkafka-based tools (kcat and Python's confluent-kafka) and runs them as child processes with a
 * timeout. Tests skip through {@code Assumptions} when a tool is missing, so only machines that have it run them.
 */
final class RdkafkaTools {

    /** The Python scripts the confluent-kafka tests run, relative to the module directory failsafe runs in. */
    static final Path SCRIPTS = Path.of("src/test/interop/rdkafka");

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** Debian's package installs confluent-kafka for the system Python, which may not be the first on the PATH. */
    private static final List<String> PYTHON_CANDIDATES = List.of("python3", "/usr/bin/python3");

    private RdkafkaTools() {
    }

    /** True when {@code kcat} runs and reports its librdkafka version. */
    static boolean kcatInstalled() {
        return probe(List.of("kcat", "-V")).map(run -> run.exitCode() == 0 && run.stdout().contains("librdkafka"))
                .orElse(false);
    }

    /** A Python interpreter that can import confluent_kafka, if there is one. */
    static Optional<String> pythonWithConfluentKafka() {
        return PYTHON_CANDIDATES.stream()
                .filter(python -> probe(List.of(python, "-c", "import confluent_kafka"))
                        .map(run -> run.exitCode() == 0).orElse(false))
                .findFirst();
    }

    /** The command that runs one of the Python scripts with the given interpreter and arguments. */
    static List<String> pythonScript(String python, String script, String... args) {
        List<String> command = new ArrayList<>(List.of(python, SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Runs a command to its end, feeding it {@code stdin}; a command still running after {@code timeout} is
     * killed and fails the test, naming what it printed so far.
     */
    static ToolRun run(List<String> command, String stdin, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).start();
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + timeout + "; stdout: "
                        + stdout.getNow("") + "; stderr: " + stderr.join());
            }
            return new ToolRun(process.exitValue(), stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the output of " + command, e);
        }
    }

    /** Runs a command and fails the test, with its output, unless it exits with 0. */
    static ToolRun runSuccessfully(List<String> command, String stdin, Duration timeout) {
        ToolRun run = run(command, stdin, timeout);
        if (run.exitCode() != 0) {
            throw new AssertionError(command + " exited with " + run.exitCode() + "; stdout: " + run.stdout()
                    + "; stderr: " + run.stderr());
        }
        return run;
    }

    private static Optional<ToolRun> probe(List<String> command) {
        try {
            return Optional.of(run(command, "", PROBE_TIMEOUT));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a finished command left behind. */
    record ToolRun(int exitCode, String stdout, String stderr) {
    }
}
