package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad bytes on one connection close that connection (or get Kafka's error answer), never the broker. */
class RawSocketIT {

    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    @RegisterExtension
    static final HandoffExtension HANDOFF = new HandoffExtension()
            .brokerProperty("socket.request.max.bytes", Integer.toString(MAX_REQUEST_BYTES));

    @AfterEach
    void brokerStillServesRealClients() throws Exception {
        try (Admin admin = TestClients.admin(HANDOFF.broker())) {
            Collection<Node> nodes = admin.describeCluster().nodes()
                    .get(TestClients.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(nodes).as("broker healthy after the test").hasSize(1);
        }
    }

    @Test
    void oversizedFrameClosesThatConnectionWhileAnotherKeepsWorking(EmbeddedHandoff broker) throws Exception {
        try (RawConnection good = new RawConnection(broker); RawConnection bad = new RawConnection(broker)) {
            // Given
            good.apiVersions((short) 3);

            // When
            bad.sendRaw(ByteBuffer.allocate(8).putInt(MAX_REQUEST_BYTES + 1).putInt(0).flip());

            // Then
            assertThat(bad.closedByBroker()).isTrue();
            assertThat(good.apiVersions((short) 3).errorCode()).isEqualTo(Errors.NONE.code());
        }
    }

    @Test
    void unknownApiKeyClosesTheConnection(EmbeddedHandoff broker) throws Exception {
        try (RawConnection connection = new RawConnection(broker)) {
            // When
            connection.sendRequest((short) 9_999, (short) 0, (short) 1, ByteBuffer.allocate(0));

            // Then
            assertThat(connection.closedByBroker()).isTrue();
        }
    }

    @Test
    void tooNewApiVersionsGetsAVersion0AnswerWithUnsupportedVersionAndTheApiList(EmbeddedHandoff broker)
            throws Exception {
        try (RawConnection connection = new RawConnection(broker)) {
            // Given: a future client sends its own latest version, in header v2 as flexible versions do.
            short futureVersion = 127;

            // When
            connection.sendRequest(ApiKeys.API_VERSIONS.id, futureVersion, (short) 2,
                    RawConnection.apiVersionsBody((short) 4));
            ByteBuffer response = connection.receiveFrame();

            // Then
            response.getInt();
            ApiVersionsResponseData answer = new ApiVersionsResponseData(new ByteBufferAccessor(response), (short) 0);
            assertThat(answer.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
            assertThat(answer.apiKeys().find(ApiKeys.API_VERSIONS.id)).isNotNull();
            assertThat(answer.apiKeys().find(ApiKeys.METADATA.id)).isNotNull();
        }
    }

    @Test
    void supportedApiVersionsRequestListsTheApisWithoutError(EmbeddedHandoff broker) throws Exception {
        try (RawConnection connection = new RawConnection(broker)) {
            // When
            ApiVersionsResponseData answer = connection.apiVersions(ApiKeys.API_VERSIONS.latestVersion());

            // Then
            assertThat(answer.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(answer.apiKeys().find(ApiKeys.PRODUCE.id)).isNotNull();
            assertThat(answer.apiKeys().find(ApiKeys.FETCH.id)).isNotNull();
        }
    }

    @Test
    void garbageBodyClosesTheConnection(EmbeddedHandoff broker) throws Exception {
        try (RawConnection connection = new RawConnection(broker)) {
            // Given: a Metadata v12 body announcing four topics, then ending.
            ByteBuffer garbage = ByteBuffer.wrap(new byte[] {0x05});

            // When
            connection.sendRequest(ApiKeys.METADATA.id, (short) 12, (short) 2, garbage);

            // Then
            assertThat(connection.closedByBroker()).isTrue();
        }
    }

    @Test
    void truncatedHeaderClosesTheConnection(EmbeddedHandoff broker) throws Exception {
        try (RawConnection connection = new RawConnection(broker)) {
            // When: a 3-byte frame cannot even hold the api key and version.
            connection.sendFrame(ByteBuffer.wrap(new byte[] {0, 18, 0}));

            // Then
            assertThat(connection.closedByBroker()).isTrue();
        }
    }
}
