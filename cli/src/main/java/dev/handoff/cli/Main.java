package dev.handoff.cli;

import picocli.CommandLine;

/** Entry point of {@code handoff.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new HandoffCommand()).execute(args));
    }
}
