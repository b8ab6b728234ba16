package dev.handoff.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the broker benchmark runs against each broker.
 *
 * @param startups    launches to time; the last one then takes the load
 * @param records     records per producer run
 * @param recordSizes value sizes in bytes; each gets its own runs
 * @param partitions  partitions of each benchmark topic
 * @param repetitions producer and consumer runs per record size, each on a fresh topic
 */
record LoadSettings(int startups, long records, List<Integer> recordSizes, int partitions, int repetitions) {

    LoadSettings {
        recordSizes = List.copyOf(recordSizes);
        if (startups < 1 || records < 1 || partitions < 1 || repetitions < 1 || recordSizes.isEmpty()) {
            throw new IllegalArgumentException("Every count must be at least 1: " + this);
        }
    }

    /** One line for the report's header. */
    String describe() {
        return String.format(Locale.ROOT,
                "%,d records of %s B per run, %d partitions, acks=all; medians of %d run(s) and %d launch(es)",
                records, recordSizes.stream().map(String::valueOf).collect(Collectors.joining(" and ")),
                partitions, repetitions, startups);
    }
}
