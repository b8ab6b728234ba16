package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker JVM launched as a child process, with its output in a log file: the part {@link KafkaProcess} and
 * {@link HandoffProcess} share. A shutdown hook kills it if the benchmark itself is interrupted.
 */
final class BrokerJvm {

    private static final Logger LOGGER = LoggerFactory.getLogger(BrokerJvm.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);
    private static final int LOG_TAIL_LINES = 40;

    private final Process process;
    private final Path logFile;
    private final Thread killOnExit;
    private Duration startupTime;

    private BrokerJvm(Process process, Path logFile, Thread killOnExit) {
        this.process = process;
        this.logFile = logFile;
        this.killOnExit = killOnExit;
    }

    /** The {@code java} of the JVM running the benchmark, so both brokers run on the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Launches the command and waits until the broker answers describeCluster on {@code bootstrapServers}.
     *
     * @throws IllegalStateException with the tail of the broker's log if it dies or is not ready in time
     */
    static BrokerJvm launch(List<String> command, Path workDir, Path logFile, String bootstrapServers) {
        ClusterProbe probe = new ClusterProbe(bootstrapServers);
        probe.warmUp();
        try {
            LOGGER.debug("Launching {}", command);
            long launchedAt = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            Thread killOnExit = new Thread(process::destroyForcibly, "kill-broker-" + process.pid());
            Runtime.getRuntime().addShutdownHook(killOnExit);
            BrokerJvm jvm = new BrokerJvm(process, logFile, killOnExit);
            jvm.awaitReady(probe, launchedAt);
            return jvm;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch " + command, e);
        }
    }

    /**
     * Runs a short-lived tool (such as Kafka's storage formatter) to completion.
     *
     * @throws IllegalStateException with the tool's output if it fails
     */
    static void runToCompletion(List<String> command, Path workDir, Path logFile) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            if (!process.waitFor(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + command + "\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private void awaitReady(ClusterProbe probe, long launchedAt) {
        try {
            probe.awaitReady(READY_TIMEOUT, process::isAlive);
            startupTime = Duration.ofNanos(System.nanoTime() - launchedAt);
        } catch (IllegalStateException e) {
            stop();
            throw new IllegalStateException(e.getMessage() + "; its log ends with:\n" + tail(logFile), e);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }

    long pid() {
        return process.pid();
    }

    Duration startupTime() {
        return startupTime;
    }

    /** Asks the broker to shut down (SIGTERM), as an operator would, and kills it if it takes too long. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOGGER.warn("Broker process {} did not stop within {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; the process is gone either way.
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
