package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.DescribeClusterRequest;
import org.apache.kafka.common.requests.DescribeClusterResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real broker on an ephemeral port, driven by the unmodified kafka-clients producer, consumer and admin. */
class BrokerServerTest {

    @TempDir
    Path dataDir;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void idempotentProducerWritesWhatAnAssignedConsumerReads() throws Exception {
        // Given
        BrokerServer broker = start(dataDir);
        Admin admin = admin(broker);
        admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all().get();
        KafkaProducer<String, String> producer = producer(broker);
        // When
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(producer.send(new ProducerRecord<>("orders", i % 2, "k" + i, "v" + i)).get());
        }
        // Then
        assertThat(sent).extracting(RecordMetadata::offset).containsOnly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        List<String> values = consumeAll(broker, new TopicPartition("orders", 0), 10);
        assertThat(values).containsExactly("v0", "v2", "v4", "v6", "v8", "v10", "v12", "v14", "v16", "v18");
    }

    @Test
    void adminDescribesTopicsWithIdsAndTheSingleNode() throws Exception {
        // Given
        BrokerServer broker = start(dataDir);
        Admin admin = admin(broker);
        admin.createTopics(List.of(new NewTopic("events", 3, (short) 1))).all().get();
        // When
        TopicDescription description = admin.describeTopics(Set.of("events")).allTopicNames().get().get("events");
        // Then
        assertThat(description.topicId().toString()).doesNotStartWith("-");
        assertThat(description.partitions()).hasSize(3);
        assertThat(description.partitions().get(0).leader().id()).isEqualTo(1);
        assertThat(admin.describeCluster().clusterId().get()).isEqualTo(broker.clusterId());
    }

    @Test
    void topicsAndRecordsSurviveARestart() throws Exception {
        // Given
        BrokerServer first = BrokerServer.start(config(dataDir));
        try (Admin admin = admin(first); KafkaProducer<String, String> producer = producer(first)) {
            admin.createTopics(List.of(new NewTopic("durable", 1, (short) 1))).all().get();
            producer.send(new ProducerRecord<>("durable", "k", "before restart")).get();
        }
        String clusterId = first.clusterId();
        first.close();
        // When
        BrokerServer second = start(dataDir);
        // Then
        assertThat(second.clusterId()).isEqualTo(clusterId);
        assertThat(consumeAll(second, new TopicPartition("durable", 0), 1)).containsExactly("before restart");
    }

    @Test
    void producerAutoCreatesATopicAndFireAndForgetWritesLand() throws Exception {
        // Given
        BrokerServer broker = start(dataDir);
        Properties props = new Properties();
        props.put(ProducerConfig.ACKS_CONFIG, "0");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        KafkaProducer<String, String> fireAndForget = producer(broker, props);
        // When
        fireAndForget.send(new ProducerRecord<>("auto", 0, "k", "no-ack")).get();
        producer(broker, new Properties()).send(new ProducerRecord<>("auto", 0, "k", "acked")).get();
        // Then
        assertThat(consumeAll(broker, new TopicPartition("auto", 0), 2)).containsExactly("no-ack", "acked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "snappy", "lz4", "zstd"})
    void compressedBatchesRoundTrip(String compression) throws Exception {
        // Given
        BrokerServer broker = start(dataDir);
        Properties props = new Properties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        KafkaProducer<String, String> producer = producer(broker, props);
        // When
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(producer.send(new ProducerRecord<>("packed", 0, "k", "value-" + i)));
        }
        for (Future<RecordMetadata> future : sent) {
            future.get();
        }
        // Then
        List<String> values = consumeAll(broker, new TopicPartition("packed", 0), 50);
        assertThat(values).hasSize(50).startsWith("value-0").endsWith("value-49");
    }

    @Test
    void adminListsOffsetsDescribesConfigsAndDeletesTopics() throws Exception {
        // Given
        BrokerServer broker = start(dataDir);
        Admin admin = admin(broker);
        admin.createTopics(List.of(new NewTopic("audit", 1, (short) 1)
                .configs(Map.of("retention.ms", "3600000")))).all().get();
        producer(broker, new Properties()).send(new ProducerRecord<>("audit", "k", "v")).get();
        TopicPartition tp = new TopicPartition("audit", 0);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "audit");
        // When
        long latest = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        String retention = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get("retention.ms").value();
        admin.deleteTopics(List.of("audit")).all().get();
        // Then
        assertThat(latest).isEqualTo(1);
        assertThat(retention).isEqualTo("3600000");
        assertThat(admin.listTopics().names().get()).doesNotContain("audit");
    }

    @Test
    void closesConnectionsBeyondMaxConnections() throws Exception {
        // Given
        Map<String, String> props = new HashMap<>(config(dataDir).originals());
        props.put("max.connections", "2");
        BrokerServer broker = BrokerServer.start(BrokerConfig.from(props));
        closeables.add(broker);
        InetSocketAddress address = broker.boundAddress();
        Socket first = socket(address);
        Socket second = socket(address);
        // When
        Socket third = socket(address);
        // Then
        assertThat(third.getInputStream().read()).as("the third connection is closed by the broker").isEqualTo(-1);
        assertThat(first.isClosed()).isFalse();
        assertThat(second.isClosed()).isFalse();
    }

    @Test
    void answersRequestsSentBeforeItWasReadyInOrderOnceItIs() throws Exception {
        // Given
        BrokerConfig config = config(dataDir);
        ListenerSocket listener = ListenerSocket.bind(config.listener());
        closeables.add(listener);
        Socket client = socket(listener.address());
        RequestHeader apiVersions = send(client, new ApiVersionsRequest.Builder().build((short) 3), 1);
        RequestHeader describeCluster = send(client, new DescribeClusterRequest.Builder(
                new DescribeClusterRequestData()).build((short) 1), 2);
        // When
        BrokerServer broker = BrokerServer.start(config, Clock.systemUTC(), listener);
        closeables.add(broker);
        // Then
        ApiVersionsResponse first = (ApiVersionsResponse) receive(client, apiVersions);
        DescribeClusterResponse second = (DescribeClusterResponse) receive(client, describeCluster);
        assertThat(first.data().errorCode()).isEqualTo(Errors.NONE.code());
        assertThat(first.data().apiKeys().find(ApiKeys.DESCRIBE_CLUSTER.id)).isNotNull();
        assertThat(second.data().clusterId()).isEqualTo(broker.clusterId());
        assertThat(second.data().brokers()).singleElement()
                .satisfies(node -> assertThat(node.port()).isEqualTo(listener.address().getPort()));
    }

    @Test
    void opensStorageBeforeWaitingForPreloadedClassesThenServes() throws Exception {
        // Given
        BrokerConfig config = config(dataDir);
        ListenerSocket listener = ListenerSocket.bind(config.listener());
        closeables.add(listener);
        Socket client = socket(listener.address());
        RequestHeader describeCluster = send(client, new DescribeClusterRequest.Builder(
                new DescribeClusterRequestData()).build((short) 1), 1);
        List<String> waits = new ArrayList<>();
        ClassPreloading preloading = new ClassPreloading() {
            @Override
            public void awaitNetworking() {
                waits.add("networking, storage open: " + Files.exists(dataDir.resolve("meta.properties")));
            }

            @Override
            public void awaitProtocol() {
                waits.add("protocol");
            }
        };
        // When
        BrokerServer broker = BrokerServer.start(config, Clock.systemUTC(), listener, preloading);
        closeables.add(broker);
        // Then
        assertThat(waits).containsExactly("networking, storage open: true", "protocol");
        DescribeClusterResponse response = (DescribeClusterResponse) receive(client, describeCluster);
        assertThat(response.data().clusterId()).isEqualTo(broker.clusterId());
    }

    @Test
    void releasesItsListenerWhenTheStartFails() throws Exception {
        // Given
        Path notADirectory = Files.writeString(dataDir.resolve("file"), "not a directory");
        BrokerConfig config = config(notADirectory.resolve("data"));
        ListenerSocket listener = ListenerSocket.bind(config.listener());
        InetSocketAddress address = listener.address();
        // When
        Throwable failure = catchThrowable(() -> BrokerServer.start(config, Clock.systemUTC(), listener));
        // Then
        assertThat(failure).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> socket(address)).isInstanceOf(ConnectException.class);
    }

    private static RequestHeader send(Socket socket, AbstractRequest request, int correlationId)
            throws IOException {
        RequestHeader header = new RequestHeader(request.apiKey(), request.version(), "early-client", correlationId);
        ByteBuffer serialized = request.serializeWithHeader(header);
        byte[] frame = new byte[serialized.remaining()];
        serialized.get(frame);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
        return header;
    }

    private static AbstractResponse receive(Socket socket, RequestHeader header) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] frame = new byte[in.readInt()];
        in.readFully(frame);
        return AbstractResponse.parseResponse(ByteBuffer.wrap(frame), header);
    }

    private Socket socket(InetSocketAddress address) throws IOException {
        Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        closeables.add(socket);
        return socket;
    }

    private BrokerServer start(Path dir) {
        BrokerServer broker = BrokerServer.start(config(dir));
        closeables.add(broker);
        return broker;
    }

    private static BrokerConfig config(Path dir) {
        return BrokerConfig.from(Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:0",
                "log.dirs", dir.toString(),
                "num.io.threads", "2",
                "num.network.threads", "1"));
    }

    private Admin admin(BrokerServer broker) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        closeables.add(admin);
        return admin;
    }

    private KafkaProducer<String, String> producer(BrokerServer broker) {
        return producer(broker, new Properties());
    }

    private KafkaProducer<String, String> producer(BrokerServer broker, Properties props) {
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer());
        closeables.add(producer);
        return producer;
    }

    private List<String> consumeAll(BrokerServer broker, TopicPartition tp, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
