package dev.handoff.bench.reliability;

import java.util.List;

/**
 * What the protocol fuzzer saw. {@code brokerRestarts}, {@code healthFailures} and {@code validUnanswered} must
 * be 0: the broker never died, the well-behaved client was always served, and every unmutated request got an answer.
 *
 * @param requests         requests sent
 * @param answered         requests answered (with or without an error code)
 * @param closedByBroker   requests after which the broker closed the connection
 * @param unanswered       mutated requests not answered within the timeout (e.g. a fetch told to wait longer)
 * @param notAwaited       incomplete frames or lying size fields, sent and then the connection closed by us
 * @param validUnanswered  unmutated requests that got no answer
 * @param brokerRestarts   times the broker process had died and was started again
 * @param healthFailures   checks in which the well-behaved client (Admin + producer) was not served
 * @param apis             APIs fuzzed (all the broker announces)
 * @param maxHeapUsedBytes largest used heap of the broker JVM seen at the checks
 * @param peakRssBytes     the broker's peak resident set size
 * @param problems         the first few problems, in words
 */
public record FuzzTotals(long requests, long answered, long closedByBroker, long unanswered, long notAwaited,
                         long validUnanswered, int brokerRestarts, int healthFailures, int apis,
                         long maxHeapUsedBytes, long peakRssBytes, List<String> problems) {

    public FuzzTotals {
        problems = List.copyOf(problems);
    }

    public boolean clean() {
        return brokerRestarts == 0 && healthFailures == 0 && validUnanswered == 0;
    }

    public String summary() {
        return String.join(System.lineSeparator(),
                "APIs fuzzed:                " + apis,
                "requests sent:              " + requests,
                "answered:                   " + answered,
                "closed by the broker:       " + closedByBroker,
                "unanswered (mutated):       " + unanswered,
                "sent incomplete, not awaited: " + notAwaited,
                "valid requests unanswered:  " + validUnanswered,
                "broker restarts needed:     " + brokerRestarts,
                "health check failures:      " + healthFailures,
                "max broker heap used:       " + maxHeapUsedBytes / (1024 * 1024) + " MiB",
                "broker peak RSS:            " + peakRssBytes / (1024 * 1024) + " MiB");
    }
}
