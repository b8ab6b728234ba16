package dev.handoff.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code handoff.jar}. */
public final class Main {

    private static final String NETTY_JFR_PROPERTY = "io.netty.jfr.enabled";

    private Main() {
    }

    public static void main(String[] args) {
        leaveNettyJfrEventsOffUnlessAsked();
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
        if (System.getProperty(NETTY_JFR_PROPERTY) == null) {
            System.setProperty(NETTY_JFR_PROPERTY, "false");
        }
    }
}
