package dev.handoff.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code handoff server} was given: an optional properties file and the {@code --override}s, in order.
 *
 * @param configFile the properties file, if one was named
 * @param overrides  {@code name → value}, the last of repeated names winning, as picocli fills a map option
 */
record ServerArguments(Optional<Path> configFile, Map<String, String> overrides) {

    static final String COMMAND = "server";
    private static final String OVERRIDE = "--override";
    private static final String OVERRIDE_WITH_VALUE = OVERRIDE + "=";

    ServerArguments {
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * Reads {@code server [file] [--override name=value ...]} without picocli. Building picocli's model of the
     * whole command tree (reflection over every subcommand's annotations) took about 200 ms, a third of a
     * broker's start, so the way the broker is launched skips it. Only the plain forms are read here; anything
     * else (help, version, another command, {@code @file} argument files, {@code --}, a malformed override, a
     * second file) gives empty, and picocli then parses the command line, so its messages and exit codes stay
     * the only ones.
     */
    static Optional<ServerArguments> parsePlain(List<String> args) {
        if (args.isEmpty() || !COMMAND.equals(args.get(0))) {
            return Optional.empty();
        }
        Path configFile = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            String override;
            if (OVERRIDE.equals(arg) && i + 1 < args.size()) {
                override = args.get(++i);
            } else if (arg.startsWith(OVERRIDE_WITH_VALUE)) {
                override = arg.substring(OVERRIDE_WITH_VALUE.length());
            } else if (configFile == null && isPlainValue(arg)) {
                Optional<Path> path = toPath(arg);
                if (path.isEmpty()) {
                    return Optional.empty();
                }
                configFile = path.get();
                continue;
            } else {
                return Optional.empty();
            }
            int equals = override.indexOf('=');
            if (equals <= 0 || !isPlainValue(override)) {
                return Optional.empty();
            }
            overrides.put(override.substring(0, equals), override.substring(equals + 1));
        }
        return Optional.of(new ServerArguments(Optional.ofNullable(configFile), overrides));
    }

    /** Not something picocli could read as an option, an end of options or an argument file. */
    private static boolean isPlainValue(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
    }

    private static Optional<Path> toPath(String arg) {
        try {
            return Optional.of(Path.of(arg));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
