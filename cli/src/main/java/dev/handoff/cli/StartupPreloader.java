package dev.handoff.cli;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;

/**
 * Initialises, on a second thread, the classes a broker start and its first requests spend most time
 * initialising, while the main thread sets up logging and reads the configuration (as Spring Boot's
 * background pre-initialiser does). Measured with per-thread CPU time on JDK 17 with the launcher's archive:
 * kafka-clients' protocol tables (every API's schemas, built when {@link ApiKeys} initialises), linking the
 * request and response parsers (which loads every request and response class) and the first secure random
 * number (the cluster id, topic ids and member-id seed) took about 50 ms of the main thread's 200 ms.
 *
 * <p>The broker starts only after {@link #await} returns, so the preloaded classes are never initialised by two
 * threads at once; what this thread touches (kafka-clients' protocol classes, the JDK's random number
 * providers) is not touched by logging set-up or configuration parsing.
 */
final class StartupPreloader {

    private final CompletableFuture<Void> done;

    private StartupPreloader(CompletableFuture<Void> done) {
        this.done = done;
    }

    /** Starts preloading on a daemon thread. */
    static StartupPreloader start() {
        return new StartupPreloader(CompletableFuture.runAsync(StartupPreloader::preload, task -> {
            Thread thread = new Thread(task, "handoff-startup-preload");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Nothing to wait for: the broker initialises the classes itself when it needs them. */
    static StartupPreloader none() {
        return new StartupPreloader(CompletableFuture.completedFuture(null));
    }

    /** Waits until the preloading thread is done; had it failed, the broker meets the same failure itself. */
    void await() {
        done.exceptionally(failure -> null).join();
    }

    private static void preload() {
        ApiKeys.values();
        initialise(AbstractRequest.class);
        initialise(AbstractResponse.class);
        UUID.randomUUID();
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A loaded class cannot be found again: " + type.getName(), e);
        }
    }
}
