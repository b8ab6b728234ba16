package dev.handoff.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.RequestHeader;

/** A plain blocking socket speaking the Kafka wire format, built from kafka-clients' message classes. */
final class RawConnection implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private int nextCorrelationId = 1;

    RawConnection(EmbeddedHandoff broker) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", broker.address().getPort()), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        in = new DataInputStream(socket.getInputStream());
        out = new DataOutputStream(socket.getOutputStream());
    }

    /** ApiVersions at a version the broker supports; returns the parsed answer. */
    ApiVersionsResponseData apiVersions(short version) throws IOException {
        ApiVersionsRequest request = new ApiVersionsRequest.Builder().build(version);
        RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, version, "raw-socket-test", nextCorrelationId++);
        sendFrame(request.serializeWithHeader(header));
        ByteBuffer response = receiveFrame();
        // ApiVersions responses always use response header v0: just the correlation id.
        response.getInt();
        return new ApiVersionsResponseData(new ByteBufferAccessor(response), version);
    }

    /** A header of any key and version (even unknown ones), written with the given header version, then a body. */
    void sendRequest(short apiKey, short apiVersion, short headerVersion, ByteBuffer body) throws IOException {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(apiKey).setRequestApiVersion(apiVersion)
                .setCorrelationId(nextCorrelationId++).setClientId("raw-socket-test");
        ByteBuffer headerBytes = MessageUtil.toByteBufferAccessor(header, headerVersion).buffer();
        ByteBuffer frame = ByteBuffer.allocate(headerBytes.remaining() + body.remaining());
        frame.put(headerBytes).put(body).flip();
        sendFrame(frame);
    }

    static ByteBuffer apiVersionsBody(short version) {
        return MessageUtil.toByteBufferAccessor(new ApiVersionsRequestData()
                .setClientSoftwareName("raw-socket-test").setClientSoftwareVersion("1"), version).buffer();
    }

    void sendFrame(ByteBuffer frame) throws IOException {
        out.writeInt(frame.remaining());
        writeBytes(frame);
    }

    /** Writes bytes as they are, e.g. a size prefix that promises more than will ever come. */
    void sendRaw(ByteBuffer bytes) throws IOException {
        writeBytes(bytes);
    }

    ByteBuffer receiveFrame() throws IOException {
        int size = in.readInt();
        byte[] frame = new byte[size];
        in.readFully(frame);
        return ByteBuffer.wrap(frame);
    }

    /** True once the broker has closed the connection; false if it is still open after the read timeout. */
    boolean closedByBroker() throws IOException {
        try {
            while (in.read() != -1) {
                // Skip whatever was still on its way before the close.
            }
            return true;
        } catch (EOFException | SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private void writeBytes(ByteBuffer bytes) throws IOException {
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        out.write(array);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
