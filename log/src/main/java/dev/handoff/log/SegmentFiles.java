package dev.handoff.log;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** Kafka's file naming inside a partition directory: the base offset as 20 digits plus a suffix. */
final class SegmentFiles {

    static final String LOG_SUFFIX = ".log";
    static final String INDEX_SUFFIX = ".index";
    static final String TIME_INDEX_SUFFIX = ".timeindex";
    static final String SNAPSHOT_SUFFIX = ".snapshot";

    private SegmentFiles() {
    }

    static Path file(Path dir, long offset, String suffix) {
        return dir.resolve(String.format(Locale.ROOT, "%020d", offset) + suffix);
    }

    /** The offset a file name encodes, if it is {@code <20 digits><suffix>}. */
    static OptionalLong offsetOf(Path file, String suffix) {
        String name = file.getFileName().toString();
        if (!name.endsWith(suffix) || name.length() != 20 + suffix.length()) {
            return OptionalLong.empty();
        }
        String digits = name.substring(0, 20);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(digits));
    }
}
