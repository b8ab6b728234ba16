package dev.handoff.cli;

import dev.handoff.server.StartupClasses;
import java.util.concurrent.CompletableFuture;

/**
 * Runs {@link StartupClasses#initialise} on a second thread while the main thread sets up logging and reads the
 * configuration (as Spring Boot's background pre-initialiser does); the broker starts after {@link #await}.
 * Logging and configuration parsing touch none of those classes, and the broker only starts once this is done,
 * so no class is ever initialised by both threads at once.
 */
final class StartupPreloader {

    private final CompletableFuture<Void> done;

    private StartupPreloader(CompletableFuture<Void> done) {
        this.done = done;
    }

    /** Starts preloading on a daemon thread. */
    static StartupPreloader start() {
        return new StartupPreloader(CompletableFuture.runAsync(StartupClasses::initialise, task -> {
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
}
