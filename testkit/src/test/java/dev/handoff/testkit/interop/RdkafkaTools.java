package dev.handoff.testkit.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the librdkafka-based tools (kcat and Python's confluent-kafka) and runs them as child processes with a
 * timeout. Tests skip through {@code Assumptions} when a tool is missing, so only machines that have it run them.
 */
final class RdkafkaTools {

    /** The Python scripts the confluent-kafka tests run, relative to the module directory failsafe runs in. */
    static final Path SCRIPTS = Path.of("src/test/interop/rdkafka");

    /** Debian's package installs confluent-kafka for the system Python, which may not be the first on the PATH. */
    private static final List<String> PYTHON_CANDIDATES = List.of("python3", "/usr/bin/python3");

    private RdkafkaTools() {
    }

    /** True when {@code kcat} runs (it prints its librdkafka version). */
    static boolean kcatInstalled() {
        return Tools.runs(List.of("kcat", "-V"));
    }

    /** A Python interpreter that can import confluent_kafka, if there is one. */
    static Optional<String> pythonWithConfluentKafka() {
        return PYTHON_CANDIDATES.stream()
                .filter(python -> Tools.runs(List.of(python, "-c", "import confluent_kafka")))
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
     * killed and fails the test, naming what it printed so far. Its output goes to files, so no reader thread
     * (and no full pipe) can hold it up.
     */
    static ToolRun run(List<String> command, String stdin, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("rdkafka-", ".out");
            stderr = Files.createTempFile("rdkafka-", ".err");
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + timeout + "; stdout: "
                        + Files.readString(stdout) + "; stderr: " + Files.readString(stderr));
            }
            return new ToolRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
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

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind does no harm; the test's outcome does not depend on it.
        }
    }

    /** What a finished command left behind. */
    record ToolRun(int exitCode, String stdout, String stderr) {
    }
}
