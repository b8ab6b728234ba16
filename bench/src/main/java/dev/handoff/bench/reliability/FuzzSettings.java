package dev.handoff.bench.reliability;

/**
 * How the protocol fuzzer runs.
 *
 * @param requests        requests to send in total
 * @param seed            seeds every choice (API, version, field values, mutation), per worker and round
 * @param workers         connections fuzzing at once
 * @param checkEvery      requests between two checks of the broker (alive, healthy client served, heap)
 * @param answerTimeoutMs how long to wait for a response before counting it unanswered and reconnecting
 */
public record FuzzSettings(int requests, long seed, int workers, int checkEvery, int answerTimeoutMs) {

    public FuzzSettings {
        if (requests < 1 || workers < 1 || checkEvery < workers || answerTimeoutMs < 1) {
            throw new IllegalArgumentException("Invalid fuzz settings: " + requests + " requests, " + workers
                    + " workers, a check every " + checkEvery + " requests, " + answerTimeoutMs + " ms timeout");
        }
    }
}
