package dev.handoff.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code name=value} pairs given in annotations. */
final class BrokerProperties {

    private BrokerProperties() {
    }

    static Map<String, String> parse(String... pairs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Expected name=value but got '" + pair + "'");
            }
            result.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return result;
    }
}
