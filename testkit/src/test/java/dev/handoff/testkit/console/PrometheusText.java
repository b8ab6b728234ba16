package dev.handoff.testkit.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format 0.0.4 strictly (every line a HELP, a TYPE or a sample with a valid
 * name, well-quoted labels and a number), and, where Python's {@code prometheus_client} is installed (Debian's
 * {@code python3-prometheus-client}; {@code .ci/run} installs it), through Prometheus' own client parser as well.
 */
final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + ")(?:," + LABEL
            + ")*,?\\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern HELP = Pattern.compile("# HELP " + NAME + " .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE " + NAME
            + " (counter|gauge|histogram|summary|untyped)");

    private PrometheusText() {
    }

    /**
     * @return each sample line (name and labels as written) with its value
     * @throws AssertionError on the first line that is not valid text format
     */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || HELP.matcher(line).matches() || TYPE.matcher(line).matches()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("Not Prometheus text format: " + line);
            }
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return samples;
    }

    /** Interpreters to try: the one on the PATH, then Debian's (in a clean environment, as CI runs it). */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    /** @return a Python that has prometheus_client, to cross-check with; empty if none has */
    static Optional<String> officialParser() throws IOException, InterruptedException {
        for (String python : PYTHONS) {
            if (run(python(python, "import prometheus_client.parser"), null) == 0) {
                return Optional.of(python);
            }
        }
        return Optional.empty();
    }

    private static ProcessBuilder python(String interpreter, String... arguments) {
        List<String> command = new ArrayList<>(List.of(interpreter, "-c"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (interpreter.startsWith("/usr/bin/")) {
            String path = System.getenv("PATH");
            builder.environment().clear();
            builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        }
        return builder;
    }

    /** @return the number of metric families Prometheus' client parser read; fails if it rejects the text */
    static int parseWithOfficialParser(String interpreter, String text) throws IOException, InterruptedException {
        Path input = Files.createTempFile("metrics", ".txt");
        Path output = Files.createTempFile("families", ".txt");
        try {
            Files.writeString(input, text, StandardCharsets.UTF_8);
            ProcessBuilder python = python(interpreter, "import sys\n"
                    + "from prometheus_client.parser import text_string_to_metric_families\n"
                    + "families = list(text_string_to_metric_families(open(sys.argv[1]).read()))\n"
                    + "open(sys.argv[2], 'w').write(str(len(families)))\n", input.toString(), output.toString());
            int exit = run(python, output);
            if (exit != 0) {
                throw new AssertionError("prometheus_client rejected the text (exit " + exit + ")");
            }
            return Integer.parseInt(Files.readString(output).trim());
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
        }
    }

    private static int run(ProcessBuilder builder, Path keep) throws IOException, InterruptedException {
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            if (keep == null) {
                return -1;
            }
            throw e;
        }
    }
}
