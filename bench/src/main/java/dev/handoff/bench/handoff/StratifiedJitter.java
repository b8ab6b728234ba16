package dev.handoff.bench.handoff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The jitters added to the quiet times of a settle run, stratified: N repetitions get the N evenly spaced points
 * {@code (i + 0.5) * jitterMs / N}, in a seeded random order, for the joins and again for the leaves. A change after a
 * quiet period waits for the members' next steady heartbeat, so its settle time depends mostly on the phase the
 * jitter picks. Evenly spaced jitters measure every phase once, so the median of N moves far less from run to run
 * than with N independent random jitters (with a 0-5 s spread, N = 7 random draws left the earlier median open).
 */
final class StratifiedJitter {

    private final List<Long> beforeJoins;
    private final List<Long> beforeLeaves;

    /**
     * @param jitterMs    the jitters lie in 0 .. {@code jitterMs}
     * @param repetitions how many joins (and leaves) the run makes
     * @param seed        the seed of the order
     */
    StratifiedJitter(long jitterMs, int repetitions, long seed) {
        Random order = new Random(seed);
        this.beforeJoins = shuffled(evenlySpaced(jitterMs, repetitions), order);
        this.beforeLeaves = shuffled(evenlySpaced(jitterMs, repetitions), order);
    }

    /** @return the jitter before the join of {@code repetition} (0-based) */
    long beforeJoin(int repetition) {
        return beforeJoins.get(repetition);
    }

    /** @return the jitter before the leave of {@code repetition} (0-based) */
    long beforeLeave(int repetition) {
        return beforeLeaves.get(repetition);
    }

    private static List<Long> evenlySpaced(long jitterMs, int count) {
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(Math.round((i + 0.5) * jitterMs / count));
        }
        return points;
    }

    private static List<Long> shuffled(List<Long> points, Random order) {
        Collections.shuffle(points, order);
        return List.copyOf(points);
    }
}
