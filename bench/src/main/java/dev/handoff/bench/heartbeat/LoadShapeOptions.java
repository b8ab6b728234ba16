package dev.handoff.bench.heartbeat;

import picocli.CommandLine.Option;

/** The load-shape options {@code heartbeat} and {@code soak} share (a picocli mixin). */
final class LoadShapeOptions {

    @Option(names = "--members", defaultValue = "5000", description = "Simulated members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--groups", defaultValue = "500", description = "Consumer groups (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--topics", defaultValue = "2", description = "Topics every group subscribes to (default: ${DEFAULT-VALUE}).")
    int topics;

    @Option(names = "--partitions", defaultValue = "8", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--connections", defaultValue = "8",
            description = "Connections the members share (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--io-threads", defaultValue = "1",
            description = "Event loop threads of the load generator (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    LoadShape shape() {
        return new LoadShape(members, groups, topics, partitions, connections, LoadShape.DEFAULT_REBALANCE_TIMEOUT_MS);
    }
}
