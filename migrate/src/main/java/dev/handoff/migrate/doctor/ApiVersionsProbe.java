package dev.handoff.migrate.doctor;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * Asks one broker for its ApiVersions over a plain socket, with kafka-clients' own request and response classes.
 * The Admin client does not expose the API list, and a broker that does not finalize Kafka's
 * {@code group.version} feature (Handoff) can only be judged by whether it lists ConsumerGroupHeartbeat.
 * PLAINTEXT listeners only.
 */
final class ApiVersionsProbe {

    /** v3 is the first flexible version (KIP-511) and every broker since Kafka 2.4 answers it. */
    private static final short VERSION = 3;
    private static final int TIMEOUT_MS = 10_000;
    private static final int MAX_RESPONSE_BYTES = 1 << 20;

    private ApiVersionsProbe() {
    }

    /** The version range the broker offers for {@code api}, empty if it does not list it. */
    static Optional<ApiVersion> versionsOf(String hostPort, ApiKeys api) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress address = new InetSocketAddress(
                hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, VERSION, "handoff-doctor", 1);
        ByteBuffer request = new ApiVersionsRequest.Builder(VERSION).build(VERSION).serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            socket.connect(address, TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(request.remaining());
            out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 0 || size > MAX_RESPONSE_BYTES) {
                throw new IOException("Implausible ApiVersions response size " + size + " from " + hostPort);
            }
            byte[] body = new byte[size];
            in.readFully(body);
            ApiVersionsResponse response =
                    (ApiVersionsResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(body), header);
            return Optional.ofNullable(response.data().apiKeys().find(api.id));
        }
    }
}
