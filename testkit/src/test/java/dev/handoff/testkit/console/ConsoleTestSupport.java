package dev.handoff.testkit.console;

import dev.handoff.testkit.EmbeddedHandoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A broker with its HTTP listener on, real consumers that poll until stopped, and a plain HTTP client. */
final class ConsoleTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ConsoleTestSupport() {
    }

    /** A broker whose console listens on a free loopback port, with heartbeats fast enough for a short test. */
    static EmbeddedHandoff broker(int httpPort) {
        return EmbeddedHandoff.builder()
                .brokerProperty("metrics.listener", "http://127.0.0.1:" + httpPort)
                .brokerProperty("group.consumer.heartbeat.interval.ms", "500")
                .brokerProperty("group.consumer.min.heartbeat.interval.ms", "500")
                .brokerProperty("group.initial.rebalance.delay.ms", "0")
                .start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void createTopic(EmbeddedHandoff broker, String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A real kafka-clients consumer subscribed to one topic, polling on its own thread until stopped. */
    static final class PollingConsumer {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        PollingConsumer(EmbeddedHandoff broker, String groupId, String topic, String protocol) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.putAll(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + System.identityHashCode(this)));
            thread = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100));
                    }
                }
            }, "console-test-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        /** Leaves the group (the consumer's close sends the leave heartbeat) and waits for the thread. */
        void stop() throws InterruptedException {
            running.set(false);
            thread.join(TIMEOUT.toMillis());
        }
    }
}
