package dev.handoff.server;

/**
 * The classes a launcher initialises on other threads while the broker starts ({@link StartupClasses}), as the
 * start waits for them. It opens storage and loads the group coordinator first, which touch neither Netty nor
 * kafka-clients' protocol tables and error codes; it then waits for {@link StartupClasses#initialiseNetworking}
 * before creating its event loops, and for {@link StartupClasses#initialiseProtocol} before its request handlers,
 * so no class those parts initialise is ever initialised by two threads at once.
 */
public interface ClassPreloading {

    /** Nothing runs elsewhere: the start initialises every class itself, when it needs it. */
    ClassPreloading NONE = new ClassPreloading() {
        @Override
        public void awaitNetworking() {
        }

        @Override
        public void awaitProtocol() {
        }
    };

    /** Returns once {@link StartupClasses#initialiseNetworking} has run (or failed). */
    void awaitNetworking();

    /** Returns once {@link StartupClasses#initialiseProtocol} has run (or failed). */
    void awaitProtocol();
}
