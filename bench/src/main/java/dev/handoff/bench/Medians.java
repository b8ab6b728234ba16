package dev.handoff.bench;

import java.util.Comparator;
import java.util.List;

/** Order statistics over a benchmark's repetitions. */
public final class Medians {

    private Medians() {
    }

    /** The middle element; of an even number of elements, the lower middle one, so it is always a real run. */
    public static <T> T median(List<T> values, Comparator<? super T> order) {
        return percentile(values, order, 50);
    }

    /** The nearest-rank percentile: the smallest element with at least {@code percent}% of them at or below it. */
    public static <T> T percentile(List<T> values, Comparator<? super T> order, int percent) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values");
        }
        List<T> sorted = values.stream().sorted(order).toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
