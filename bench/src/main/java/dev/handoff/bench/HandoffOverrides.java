package dev.handoff.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --handoff-override name=value} (repeatable): broker properties for every Handoff a bench command launches,
 * on top of the node, listener and data directory the command sets. A picocli mixin, so each command that launches
 * Handoff spells it the same way.
 */
public final class HandoffOverrides {

    @Option(names = "--handoff-override", paramLabel = "name=value",
            description = "A Handoff broker property, as `./handoff server --override name=value`; repeatable, "
                    + "e.g. handoff.flight.recorder.enable=false.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    /** The properties in the order given. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The properties given, then {@code more} on top (a later value for the same name wins). */
    public Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(more);
        return all;
    }
}
