package dev.handoff.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.bench.reliability.BrokerUnderTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Idle connections, half-sent frames and clients that never read their responses: the broker closes the idle ones
 * after {@code connections.max.idle.ms}, keeps serving a well-behaved client throughout, and its heap stays within
 * a 256 MiB limit.
 */
class SlowClientsIT {

    private static final Path JAR = Path.of("target", "handoff.jar");
    private static final int IDLE_CONNECTIONS = 1_000;
    private static final int HALF_SENT_FRAMES = 100;
    private static final int NON_READERS = 20;
    private static final int REQUESTS_PER_NON_READER = 2_000;
    private static final long HEAP_LIMIT = 256L * 1024 * 1024;

    @TempDir
    Path dir;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void idleHalfSentAndNonReadingConnectionsAreBoundedAndNeverStopAWellBehavedClient() throws Exception {
        // Given
        try (BrokerUnderTest broker = new BrokerUnderTest(JAR, dir, List.of("-Xmx256m"),
                Map.of("connections.max.idle.ms", "3000"))) {
            broker.start();
            List<Socket> idle = open(broker, IDLE_CONNECTIONS);
            List<Socket> halfSent = open(broker, HALF_SENT_FRAMES);
            for (Socket socket : halfSent) {
                // Claims 1,000 bytes and sends 3 of them.
                socket.getOutputStream().write(new byte[] {0, 0, 3, (byte) 0xe8, 0, 3, 0});
            }
            List<Socket> nonReaders = open(broker, NON_READERS);
            for (Socket socket : nonReaders) {
                pipelineMetadataRequests(socket.getOutputStream());
            }

            // When
            boolean served = describeCluster(broker);

            // Then
            assertThat(served).isTrue();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(idle).allMatch(SlowClientsIT::closedByBroker);
                assertThat(halfSent).allMatch(SlowClientsIT::closedByBroker);
            });
            assertThat(broker.isAlive()).isTrue();
            assertThat(broker.heapUsedBytes()).hasValueSatisfying(used -> assertThat(used).isLessThan(HEAP_LIMIT));
            assertThat(describeCluster(broker)).isTrue();
        }
    }

    private List<Socket> open(BrokerUnderTest broker, int count) throws IOException {
        String[] hostPort = broker.bootstrapServers().split(":");
        List<Socket> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
            sockets.add(socket);
            opened.add(socket);
        }
        return opened;
    }

    /** Writes many Metadata requests back to back and never reads an answer. */
    private static void pipelineMetadataRequests(OutputStream out) throws IOException {
        short version = 12;
        for (int i = 0; i < REQUESTS_PER_NON_READER; i++) {
            RequestHeaderData header = new RequestHeaderData().setRequestApiKey(ApiKeys.METADATA.id)
                    .setRequestApiVersion(version).setCorrelationId(i).setClientId("never-reads");
            ByteBuffer headerBytes = MessageUtil.toByteBufferAccessor(header,
                    ApiKeys.METADATA.requestHeaderVersion(version)).buffer();
            ByteBuffer body = MessageUtil.toByteBufferAccessor(new MetadataRequestData().setTopics(null), version)
                    .buffer();
            ByteBuffer frame = ByteBuffer.allocate(4 + headerBytes.remaining() + body.remaining());
            frame.putInt(headerBytes.remaining() + body.remaining()).put(headerBytes).put(body);
            out.write(frame.array());
        }
        out.flush();
    }

    /** True once the broker has closed its end: a read returns end of stream or a reset. */
    private static boolean closedByBroker(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean describeCluster(BrokerUnderTest broker) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
