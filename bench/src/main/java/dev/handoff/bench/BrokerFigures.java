package dev.handoff.bench;

import java.time.Duration;
import java.util.List;

/**
 * One broker's results: medians over the launches and over the repetitions.
 *
 * @param name         the broker, as in {@link BrokerProcess#name()}
 * @param startupTime  median launch → first describeCluster
 * @param idleMemory   right after the last launch, before any load
 * @param loadedMemory after all the load ({@code VmRSS} now, {@code VmHWM} the peak)
 * @param loads        one entry per record size, in the order run
 */
record BrokerFigures(String name, Duration startupTime, MemoryUsage idleMemory, MemoryUsage loadedMemory,
                     List<LoadFigures> loads) {

    BrokerFigures {
        loads = List.copyOf(loads);
    }

    /** The median producer run and the median consumer run (by elapsed time) of one record size. */
    record LoadFigures(int recordSize, Throughput produce, Throughput consume) {
    }
}
