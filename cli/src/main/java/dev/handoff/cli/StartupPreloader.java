package dev.handoff.cli;

import dev.handoff.server.StartupClasses;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Runs the parts of {@link StartupClasses} on two more threads while the main thread sets up logging, reads the
 * configuration and binds the listener (as Spring Boot's background pre-initialiser does); the broker starts after
 * {@link #await}. The parts initialise classes of different libraries, configuration parsing touches none of
 * them, and the broker only starts once all are done, so no class is ever initialised by two threads at once.
 * Two threads rather than one: with one, the main thread waited for it while the second core was partly idle.
 */
final class StartupPreloader {

    private final CompletableFuture<Void> done;

    private StartupPreloader(CompletableFuture<Void> done) {
        this.done = done;
    }

    /**
     * Starts preloading on two daemon threads and configures logging on the calling thread meanwhile. Netty's part
     * waits for the logging: Netty logs from its static initialisers, and SLF4J would record those calls while it
     * is being configured, then replay them with a warning on the console.
     */
    static StartupPreloader start() {
        CompletableFuture<Void> loggingConfigured = new CompletableFuture<>();
        StartupPreloader preloader = new StartupPreloader(CompletableFuture.allOf(
                onNewThread(StartupClasses::initialiseProtocol, "handoff-preload-protocol"),
                onNewThread(() -> {
                    StartupClasses.initialiseSecureRandom();
                    loggingConfigured.join();
                    StartupClasses.initialiseNetworking();
                }, "handoff-preload-networking")));
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            loggingConfigured.complete(null);
        }
        return preloader;
    }

    /** Nothing to wait for: the broker initialises the classes itself when it needs them. */
    static StartupPreloader none() {
        return new StartupPreloader(CompletableFuture.completedFuture(null));
    }

    /** Waits until the preloading threads are done; had one failed, the broker meets the same failure itself. */
    void await() {
        done.exceptionally(failure -> null).join();
    }

    private static CompletableFuture<Void> onNewThread(Runnable task, String name) {
        return CompletableFuture.runAsync(task, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }
}
