package dev.handoff.bench;

import dev.handoff.testkit.EmbeddedHandoff;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testkit-startup}: how long a test waits for an in-process {@link EmbeddedHandoff}, from
 * {@code start()} to its first successful describeCluster. The first start in a JVM also loads the broker's
 * classes, so it is reported on its own; the admin client's classes are loaded before any timing.
 */
@Command(name = "testkit-startup",
        mixinStandardHelpOptions = true,
        description = "Times in-process EmbeddedHandoff starts: start() -> first successful describeCluster.")
final class TestkitStartupCommand implements Callable<Integer> {

    static final Duration TARGET = Duration.ofMillis(200);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    private CommandSpec spec;

    @Option(names = "--starts", defaultValue = "20",
            description = "Starts to time after the first one (default: ${DEFAULT-VALUE}).")
    private int starts;

    @Override
    public Integer call() throws InterruptedException {
        if (starts < 1) {
            throw new IllegalArgumentException("--starts must be at least 1");
        }
        new ClusterProbe("127.0.0.1:" + LoopbackPorts.freePort()).warmUp();
        Duration first = timeOneStart();
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            times.add(timeOneStart());
        }
        Duration median = Medians.median(times, Comparator.naturalOrder());
        Duration p90 = Medians.percentile(times, Comparator.naturalOrder(), 90);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "EmbeddedHandoff start -> first describeCluster, %d starts after a first one%n", starts);
        out.printf(Locale.ROOT, "first start (cold JVM): %6.1f ms%n", millis(first));
        out.printf(Locale.ROOT, "median:                 %6.1f ms%n", millis(median));
        out.printf(Locale.ROOT, "p90:                    %6.1f ms   target < %d ms: %s%n", millis(p90),
                TARGET.toMillis(), p90.compareTo(TARGET) < 0 ? "met" : "NOT met");
        out.flush();
        return 0;
    }

    /** The port is known only once the broker has started, so the probe's (warm) set-up is counted too. */
    private static Duration timeOneStart() throws InterruptedException {
        long start = System.nanoTime();
        try (EmbeddedHandoff broker = EmbeddedHandoff.builder().start()) {
            new ClusterProbe(broker.bootstrapServers()).awaitReady(READY_TIMEOUT, broker::isRunning);
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
