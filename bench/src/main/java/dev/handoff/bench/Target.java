package dev.handoff.bench;

import java.util.Locale;

/**
 * A goal for the ratio Handoff / Kafka of one figure.
 *
 * @param atLeast true if the ratio must reach {@code ratio} (throughput), false if it must stay under it
 *                (start-up time, memory)
 */
record Target(boolean atLeast, double ratio) {

    static Target atLeast(double ratio) {
        return new Target(true, ratio);
    }

    static Target atMost(double ratio) {
        return new Target(false, ratio);
    }

    boolean isMetBy(double actualRatio) {
        return atLeast ? actualRatio >= ratio : actualRatio <= ratio;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %.1fx", atLeast ? ">=" : "<=", ratio);
    }
}
