package dev.handoff.cli;

import dev.handoff.server.ClassPreloading;
import dev.handoff.server.StartupClasses;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * Runs the parts of {@link StartupClasses} on two more threads while the main thread sets up logging, reads the
 * configuration, binds the listener, opens storage and loads the group coordinator (as Spring Boot's background
 * pre-initialiser does); the broker start waits for each part before it uses its classes ({@link ClassPreloading}).
 * The parts initialise classes of different libraries and configuration parsing touches none of them. Two threads
 * rather than one: with one, the main thread waited for it while the second core was partly idle.
 */
final class StartupPreloader implements ClassPreloading {

    private final CompletableFuture<Void> networking;
    private final CompletableFuture<Void> protocol;

    private StartupPreloader(CompletableFuture<Void> networking, CompletableFuture<Void> protocol) {
        this.networking = networking;
        this.protocol = protocol;
    }

    /**
     * Starts preloading on two daemon threads and configures logging on the calling thread meanwhile. Netty's part
     * waits for the logging: Netty logs from its static initialisers, and SLF4J would record those calls while it
     * is being configured, then replay them with a warning on the console.
     */
    static StartupPreloader start() {
        CompletableFuture<Void> loggingConfigured = new CompletableFuture<>();
        StartupPreloader preloader = new StartupPreloader(
                onNewThread(() -> {
                    loggingConfigured.join();
                    StartupClasses.initialiseNetworking();
                }, "handoff-preload-networking"),
                onNewThread(StartupClasses::initialiseProtocol, "handoff-preload-protocol"));
        try {
            LoggerFactory.getILoggerFactory();
        } finally {
            loggingConfigured.complete(null);
        }
        return preloader;
    }

    /** Had a part failed, the broker meets the same failure itself when it initialises those classes. */
    @Override
    public void awaitNetworking() {
        networking.exceptionally(failure -> null).join();
    }

    @Override
    public void awaitProtocol() {
        protocol.exceptionally(failure -> null).join();
    }

    private static CompletableFuture<Void> onNewThread(Runnable task, String name) {
        return CompletableFuture.runAsync(task, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        });
    }
}
