package dev.handoff.lab.live;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.RequestHeader;

/** Asks a broker which APIs it serves, with one ApiVersions request (v3) on a plain socket. */
final class BrokerApis {

    private static final short VERSION = 3;

    private BrokerApis() {
    }

    static Set<ApiKeys> of(InetSocketAddress address) throws IOException {
        RequestHeader header = new RequestHeader(ApiKeys.API_VERSIONS, VERSION, "lab-probe", 1);
        ByteBuffer request = new ApiVersionsRequest.Builder().build(VERSION).serializeWithHeader(header);
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(5_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(request.remaining());
            out.write(request.array(), request.arrayOffset() + request.position(), request.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readInt()];
            in.readFully(response);
            ApiVersionsResponse parsed = (ApiVersionsResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(response),
                header);
            Set<ApiKeys> keys = new TreeSet<>();
            for (ApiVersionsResponseData.ApiVersion version : parsed.data().apiKeys()) {
                if (ApiKeys.hasId(version.apiKey())) {
                    keys.add(ApiKeys.forId(version.apiKey()));
                }
            }
            return keys;
        }
    }
}
