package dev.handoff.cli;

import dev.handoff.server.BrokerConfig;

/** Runs a broker with a finished configuration; the seam between parsing a command and starting a server. */
@FunctionalInterface
interface BrokerRunner {

    /**
     * Runs the broker until it is asked to stop.
     *
     * @return the process exit code
     */
    int run(BrokerConfig config) throws Exception;
}
