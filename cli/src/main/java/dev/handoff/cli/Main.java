package dev.handoff.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code handoff.jar}. */
public final class Main {

    private static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";
    private static final String SLF4J_PROVIDER_PROPERTY = "slf4j.provider";
    private static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    private static final String SELECTOR_PROVIDER_PROPERTY = "java.nio.channels.spi.SelectorProvider";
    private static final String LINUX_SELECTOR_PROVIDER = "sun.nio.ch.EPollSelectorProvider";

    private Main() {
    }

    public static void main(String[] args) {
        leaveNettyJfrEventsOffUnlessAsked();
        useConsoleLoggingProviderUnlessAsked();
        nameTheSelectorProviderUnlessAsked();
        Optional<ServerArguments> server = ServerArguments.parsePlain(List.of(args));
        int exitCode = server.isPresent()
                ? runServer(server.get())
                : new CommandLine(new HandoffCommand()).execute(args);
        System.exit(exitCode);
    }

    /** As picocli runs a command: a failure is printed with its stack trace and exits with its software error code. */
    private static int runServer(ServerArguments arguments) {
        StartupPreloader preloader = StartupPreloader.start();
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return new ServerCommand(new ForegroundBrokerRunner(preloader)).run(arguments, err);
        } catch (Exception e) {
            e.printStackTrace(err);
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /**
     * Netty 4.2's buffer allocator emits JFR events whenever JFR is available, and its first allocation then
     * initialises JFR's event machinery: several hundred ms of CPU (half of a start's), 100 ms before the first
     * answer and 20 MiB of memory at each broker start, for events nobody records.
     * {@code -Dio.netty.jfr.enabled=true} turns them back on.
     */
    private static void leaveNettyJfrEventsOffUnlessAsked() {
        setUnlessGiven(NETTY_JFR_PROPERTY, "false");
    }

    /**
     * SLF4J uses {@link ConsoleLoggingProvider} (see there why) unless {@code -Dslf4j.provider} names another. SLF4J
     * reports a provider named that way on the console at its INFO level, so its own reports are kept to warnings
     * and errors unless {@code -Dslf4j.internal.verbosity} is given.
     */
    private static void useConsoleLoggingProviderUnlessAsked() {
        if (System.getProperty(SLF4J_PROVIDER_PROPERTY) == null) {
            System.setProperty(SLF4J_PROVIDER_PROPERTY, ConsoleLoggingProvider.class.getName());
            setUnlessGiven(SLF4J_VERBOSITY_PROPERTY, "WARN");
        }
    }

    /**
     * The JDK picks its NIO selector provider from this property, else from a {@code ServiceLoader} lookup in the
     * class path, else its own default. That lookup opens the 12,000-entry jar and reads its whole directory, only to
     * find no provider: 15-30 ms of the listener's bind on every start. On Linux the default is the epoll provider,
     * which is named here; elsewhere, or should a JDK no longer have that class, the JDK decides as usual.
     */
    private static void nameTheSelectorProviderUnlessAsked() {
        if ("Linux".equals(System.getProperty("os.name")) && isPlatformClass(LINUX_SELECTOR_PROVIDER)) {
            setUnlessGiven(SELECTOR_PROVIDER_PROPERTY, LINUX_SELECTOR_PROVIDER);
        }
    }

    private static boolean isPlatformClass(String name) {
        try {
            Class.forName(name, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
