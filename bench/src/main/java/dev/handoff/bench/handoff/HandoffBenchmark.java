package dev.handoff.bench.handoff;

import dev.handoff.lab.live.LiveRun;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every contender's isolated join and leave ({@link SettleRun}) and one lab rolling restart ({@link LiveRun})
 * in one run. Contenders that need the same broker with the same settings share one fresh broker process; each
 * gets its own topic and group.
 */
final class HandoffBenchmark {

    /** How often the rolling restart's progress is reported. */
    private static final long PROGRESS_EVERY_MS = 30_000;

    /** How many of the rolling restart's longest handoffs are reported, to explain its p99. */
    private static final int LONGEST_REPORTED = 8;

    private final SettleSettings settle;
    private final Map<Contender, Integer> settleRepetitions;
    private final Optional<Scenario> rollingRestart;
    private final Cluster.Launcher launcher;
    private final Consumer<String> progress;

    /**
     * @param settle            the isolated join and leave; no repetitions skips them
     * @param settleRepetitions contenders measured a different number of times than {@code settle} says
     * @param rollingRestart    the lab scenario of the rolling restart; empty skips it
     * @param launcher          starts the brokers
     * @param progress          told what is happening, a line at a time
     */
    HandoffBenchmark(SettleSettings settle, Map<Contender, Integer> settleRepetitions,
                     Optional<Scenario> rollingRestart, Cluster.Launcher launcher, Consumer<String> progress) {
        this.settle = settle;
        this.settleRepetitions = Map.copyOf(settleRepetitions);
        this.rollingRestart = rollingRestart;
        this.launcher = launcher;
        this.progress = progress;
    }

    List<ContenderFigures> run(List<Contender> contenders) throws Exception {
        Map<String, List<Contender>> byBroker = new LinkedHashMap<>();
        contenders.forEach(c -> byBroker.computeIfAbsent(c.broker() + " " + c.brokerOverrides(), k -> new ArrayList<>())
                .add(c));
        List<ContenderFigures> figures = new ArrayList<>();
        for (List<Contender> sharing : byBroker.values()) {
            Contender first = sharing.get(0);
            progress.accept("starting " + first.broker() + " " + first.brokerOverrides());
            try (Cluster cluster = launcher.start(first.broker(), first.brokerOverrides())) {
                for (Contender contender : sharing) {
                    figures.add(measure(cluster.bootstrapServers(), contender));
                }
            }
        }
        return figures;
    }

    private ContenderFigures measure(String bootstrap, Contender contender) throws Exception {
        String name = contender.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String loadAtStart = LoadAverage.oneMinute();
        Optional<SettleFigures> settled = Optional.empty();
        SettleSettings mine = settle.withRepetitions(settleRepetitions.getOrDefault(contender, settle.repetitions()));
        if (mine.repetitions() > 0) {
            progress.accept(contender.label() + ": isolated join and leave, " + mine.repetitions() + " times");
            settled = Optional.of(new SettleRun(bootstrap, mine, line -> progress.accept(contender.label() + ": "
                    + line)).run("settle-" + name, contender.protocol()));
        }
        Optional<RollingFigures> rolled = Optional.empty();
        if (rollingRestart.isPresent()) {
            Scenario scenario = rollingRestart.get();
            progress.accept(contender.label() + ": rolling restart of " + scenario.consumers() + " consumers");
            long[] reportedAt = {0};
            Timeline timeline = new LiveRun(bootstrap, "bench-" + name, Map.of()).run(scenario, contender.protocol(),
                    elapsedMs -> {
                        if (elapsedMs - reportedAt[0] >= PROGRESS_EVERY_MS) {
                            reportedAt[0] = elapsedMs;
                            progress.accept(contender.label() + ": " + elapsedMs / 1000 + " s");
                        }
                    });
            rolled = Optional.of(RollingFigures.of(timeline));
            progress.accept(contender.label() + ": longest handoffs");
            LongestHandoffs.describe(rolled.get().handoffs(), timeline.plan(), LONGEST_REPORTED)
                    .forEach(line -> progress.accept(contender.label() + ":   " + line));
        }
        return new ContenderFigures(contender, settled, rolled, loadAtStart + " → " + LoadAverage.oneMinute());
    }
}
