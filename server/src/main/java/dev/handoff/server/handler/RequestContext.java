package dev.handoff.server.handler;

import java.net.SocketAddress;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * What a handler knows about a request besides its body.
 *
 * @param header         the request header (API key, version, client id, correlation id)
 * @param nowMs          broker time when the request was dispatched
 * @param clientAddress  the peer, for logging
 */
public record RequestContext(RequestHeader header, long nowMs, SocketAddress clientAddress) {

    public short apiVersion() {
        return header.apiVersion();
    }
}
