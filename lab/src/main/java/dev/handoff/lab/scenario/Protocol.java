package dev.handoff.lab.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The group protocols a rollout is run with, named as on the command line. */
public enum Protocol {
    /** {@code group.protocol=classic} with the eager {@code RangeAssignor}: every rebalance revokes everything. */
    CLASSIC_EAGER("classic-eager"),
    /** {@code group.protocol=classic} with {@code CooperativeStickyAssignor} (KIP-429 incremental rebalancing). */
    CLASSIC_COOPERATIVE("classic-cooperative"),
    /** {@code group.protocol=consumer}: KIP-848 server-side assignment and reconciliation. */
    CONSUMER("consumer");

    private final String cliName;

    Protocol(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @return the protocol named {@code name} on the command line */
    public static Protocol fromCliName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
            .filter(p -> p.cliName.equals(wanted))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("Unknown protocol '" + name + "', expected one of "
                + Arrays.stream(values()).map(Protocol::cliName).toList()));
    }

    /** @return every protocol, in the order the lab runs them */
    public static List<Protocol> all() {
        return List.of(values());
    }
}
