package dev.handoff.server.codec;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * A response ready to encode.
 *
 * @param sequence  the {@link DecodedRequest#sequence()} it answers
 * @param header    response header (its version already follows {@code ApiKeys.responseHeaderVersion})
 * @param version   the body's API version
 * @param body      the generated response message
 */
public record Response(long sequence, ResponseHeader header, short version, ApiMessage body) {
}
