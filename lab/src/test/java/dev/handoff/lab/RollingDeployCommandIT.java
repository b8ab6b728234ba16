package dev.handoff.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A one-consumer rolling deploy on the lab's own broker, in a JVM of its own (the default) and inside the lab's:
 * its console can be watched while the run goes on, and the broker is gone when the command returns.
 */
class RollingDeployCommandIT {

    private static final Pattern CONSOLE_LINE = Pattern.compile("Console: (http://127\\.0\\.0\\.1:\\d+/)#/group/(\\S+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @ParameterizedTest(name = "in process: {0}")
    @ValueSource(booleans = {false, true})
    void printsAConsoleUrlThatAnswersWhileTheRunGoesOnAndStopsTheBrokerAfterwards(boolean inProcess,
                                                                                 @TempDir Path out) throws Exception {
        // Given
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new RollingDeployCommand());
        command.setOut(new PrintWriter(printed));
        command.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of(
            "--consumers", "1", "--partitions", "2", "--rate", "20", "--processing-ms", "0",
            "--protocols", "consumer", "--warmup-ms", "5000", "--pod-start-delay-ms", "100", "--step-wait-ms", "500",
            "--cooldown-ms", "500", "--out", out.toString()));
        if (inProcess) {
            args.add("--in-process");
        }

        // When
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(
            () -> command.execute(args.toArray(String[]::new)));

        // Then
        Matcher console = await().atMost(Duration.ofSeconds(60))
            .until(() -> Optional.of(CONSOLE_LINE.matcher(printed.toString())).filter(Matcher::find),
                Optional::isPresent)
            .orElseThrow();
        assertThat(console.group(2)).startsWith("lab-").endsWith("-consumer");
        // What a browser asks for: the URL without its fragment, which only the page's script reads.
        HttpResponse<String> page = get(console.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Handoff console</title>");
        assertThat(exitCode).succeedsWithin(Duration.ofMinutes(2)).isEqualTo(0);
        assertThat(printed.toString()).contains("consumer").contains("report: ");
        // Refused, or on a busy machine timed out; a broker still running would answer it.
        assertThatThrownBy(() -> get(console.group(1))).isInstanceOf(IOException.class);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
