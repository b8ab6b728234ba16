package dev.handoff.bench.heartbeat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One more Handoff measured in the same invocation as plain Handoff, with broker properties on top of
 * {@code --handoff-override}: {@code --handoff-variant "recorder off:handoff.flight.recorder.enable=false"}.
 *
 * @param label     names the variant in the report
 * @param overrides the broker properties that make it differ, in the order given
 */
record HandoffVariant(String label, Map<String, String> overrides) {

    HandoffVariant {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** Parses {@code label:name=value[,name=value...]}. */
    static HandoffVariant parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected label:name=value[,name=value...], got '" + text + "'");
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String pair : text.substring(colon + 1).split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + pair + "' in '" + text + "'");
            }
            overrides.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return new HandoffVariant(text.substring(0, colon).trim(), overrides);
    }

    /** Lets picocli report a malformed variant as a usage error. */
    static final class Converter implements ITypeConverter<HandoffVariant> {

        @Override
        public HandoffVariant convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
