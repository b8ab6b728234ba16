package dev.handoff.bench.handoff;

import java.util.List;

/** Nearest-rank percentiles, so every figure reported is one that was measured. */
final class Percentiles {

    private Percentiles() {
    }

    /** @return the smallest value with at least {@code percent}% of the values at or below it; 0 if none */
    static long nearestRank(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
