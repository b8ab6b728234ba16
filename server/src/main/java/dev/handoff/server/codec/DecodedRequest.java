package dev.handoff.server.codec;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * A parsed request.
 *
 * @param sequence         position of the request on its connection, used to keep responses in order
 * @param header           the request header
 * @param request          the body, or null for an ApiVersions request whose version this client library
 *                         cannot parse (answered with UNSUPPORTED_VERSION)
 * @param expectsResponse  false only for Produce with acks=0
 */
public record DecodedRequest(long sequence, RequestHeader header, AbstractRequest request, boolean expectsResponse) {

    public ApiKeys apiKey() {
        return header.apiKey();
    }

    public short apiVersion() {
        return header.apiVersion();
    }
}
