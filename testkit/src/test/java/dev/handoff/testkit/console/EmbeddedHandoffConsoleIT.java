package dev.handoff.testkit.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.testkit.EmbeddedHandoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedHandoffConsoleIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void consoleUrlServesTheConsolePageOnTheEphemeralMetricsListener() throws Exception {
        // Given
        try (EmbeddedHandoff broker = EmbeddedHandoff.builder()
                .brokerProperty("metrics.listener", "http://127.0.0.1:0").start()) {

            // When
            String url = broker.consoleUrl().orElseThrow();

            // Then
            assertThat(url).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Handoff console</title>");
        }
    }

    @Test
    void hasNoConsoleUrlWithoutAMetricsListener() {
        // Given
        try (EmbeddedHandoff broker = EmbeddedHandoff.startDefault()) {

            // When / Then
            assertThat(broker.consoleUrl()).isEmpty();
        }
    }
}
