package dev.handoff.lab.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.handoff.testkit.EmbeddedHandoff;

/**
 * The entry point of {@link ChildProcessBroker}'s JVM: starts a broker on a free port and a temporary data
 * directory with the properties given as {@code name=value} arguments, prints one line with its addresses, and
 * runs until its standard input closes. The parent holds that pipe, so the broker also stops when the lab dies.
 */
public final class ChildBrokerMain {

    /** Starts the line that tells the parent the broker is ready: {@code <marker> <bootstrap> [<console url>]}. */
    static final String READY_MARKER = "handoff-lab-broker-ready";

    private ChildBrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (EmbeddedHandoff broker = EmbeddedHandoff.builder().brokerProperties(properties(args)).start()) {
            out.println(READY_MARKER + " " + broker.bootstrapServers() + broker.consoleUrl().map(url -> " " + url).orElse(""));
            // Only the end of standard input matters: it is the signal to stop.
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static Map<String, String> properties(String[] args) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Expected name=value, got: " + arg);
            }
            properties.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return properties;
    }
}
