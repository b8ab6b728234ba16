package dev.handoff.lab;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A one-consumer rolling deploy on the embedded broker: its console can be watched while the run goes on. */
class RollingDeployCommandIT {

    private static final Pattern CONSOLE_LINE = Pattern.compile("Console: (http://127\\.0\\.0\\.1:\\d+/)#/group/(\\S+)");

    @Test
    void printsAConsoleUrlOfTheEmbeddedBrokerThatAnswersWhileTheRunGoesOn(@TempDir Path out) throws Exception {
        // Given
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new RollingDeployCommand());
        command.setOut(new PrintWriter(printed));
        command.setErr(new PrintWriter(new StringWriter()));

        // When
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> command.execute(
            "--consumers", "1", "--partitions", "2", "--rate", "20", "--processing-ms", "0",
            "--protocols", "consumer", "--warmup-ms", "5000", "--pod-start-delay-ms", "100", "--step-wait-ms", "500",
            "--cooldown-ms", "500", "--out", out.toString()));

        // Then
        Matcher console = await().atMost(Duration.ofSeconds(60))
            .until(() -> Optional.of(CONSOLE_LINE.matcher(printed.toString())).filter(Matcher::find),
                Optional::isPresent)
            .orElseThrow();
        assertThat(console.group(2)).startsWith("lab-").endsWith("-consumer");
        // What a browser asks for: the URL without its fragment, which only the page's script reads.
        HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(console.group(1)))
                .timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Handoff console</title>");
        assertThat(exitCode).succeedsWithin(Duration.ofMinutes(2)).isEqualTo(0);
    }
}
