package dev.handoff.testkit.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.console.ConsoleTestSupport.PollingConsumer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint of {@code metrics.listener} under real producer and consumer traffic. */
class MetricsEndpointIT {

    private static final String TOPIC = "metered";
    private static final String PRODUCE = "handoff_requests_seconds_count{api=\"Produce\",error=\"NONE\"}";
    private static final String RECEIVED = "handoff_network_received_bytes_total";
    private static final String SENT = "handoff_network_sent_bytes_total";

    private EmbeddedHandoff broker;
    private String baseUrl;

    @BeforeEach
    void startBroker() throws Exception {
        int port = ConsoleTestSupport.freePort();
        broker = ConsoleTestSupport.broker(port);
        baseUrl = "http://127.0.0.1:" + port;
        ConsoleTestSupport.createTopic(broker, TOPIC, 2);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void metricsParseAsPrometheusTextAndCountersMoveWithTraffic() throws Exception {
        // Given
        Map<String, Double> before = scrape();

        // When
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i % 2, null, new byte[100])).get(30, TimeUnit.SECONDS);
            }
        }
        PollingConsumer consumer = new PollingConsumer(broker, "metered-group", TOPIC, "consumer");

        // Then
        await().atMost(ConsoleTestSupport.TIMEOUT).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            assertThat(after.get(PRODUCE)).isEqualTo(before.getOrDefault(PRODUCE, 0.0) + 20);
            assertThat(after.get(RECEIVED)).isGreaterThan(before.get(RECEIVED) + 20 * 100);
            assertThat(after.get(SENT)).isGreaterThan(before.get(SENT));
            assertThat(after.get("handoff_log_end_offset{partition=\"0\",topic=\"metered\"}")).isEqualTo(10.0);
            assertThat(after.get("handoff_groups{state=\"Stable\",type=\"consumer\"}")).isEqualTo(1.0);
            assertThat(after.get("handoff_group_members{protocol=\"consumer\"}")).isEqualTo(1.0);
            assertThat(after.get("handoff_rebalances_total{cause=\"join\",group_type=\"consumer\"}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(after.keySet()).anyMatch(name -> name.startsWith(
                    "handoff_requests_seconds_count{api=\"ConsumerGroupHeartbeat\""));
            assertThat(after.keySet()).anyMatch(name -> name.startsWith("handoff_assignment_seconds_bucket{"));
        });
        consumer.stop();
        String text = ConsoleTestSupport.get(baseUrl + "/metrics").body();
        Optional<String> python = PrometheusText.officialParser();
        if (python.isPresent()) {
            assertThat(PrometheusText.parseWithOfficialParser(python.get(), text)).isGreaterThan(5);
        }
    }

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        // Given
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();

        // When
        HttpResponse<String> missing = ConsoleTestSupport.get(baseUrl + "/nope");
        HttpResponse<String> posted = ConsoleTestSupport.send(post);

        // Then
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(posted.statusCode()).isEqualTo(405);
        assertThat(posted.headers().firstValue("allow")).contains("GET");
    }

    private Map<String, Double> scrape() throws Exception {
        HttpResponse<String> response = ConsoleTestSupport.get(baseUrl + "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(response.body());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
