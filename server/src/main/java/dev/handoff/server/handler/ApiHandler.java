package dev.handoff.server.handler;

import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;

/**
 * Serves one Kafka API over a version range. The registry advertises exactly these ranges in ApiVersions and
 * closes connections that send versions outside them. A handler may complete later (long-poll Fetch, parked
 * JoinGroup); responses still leave in request order. Errors thrown, or the stage failing, become the API's
 * error response with the matching Kafka error code.
 *
 * @param <Q> the generated request data class
 * @param <R> the generated response data class
 */
public interface ApiHandler<Q extends ApiMessage, R extends ApiMessage> {

    ApiKeys apiKey();

    short minVersion();

    short maxVersion();

    /** The minimum version announced in ApiVersions; only Produce announces less than it accepts. */
    default short advertisedMinVersion() {
        return minVersion();
    }

    CompletionStage<R> handle(RequestContext context, Q request);

    /** Dispatch entry point for a body whose type the registry has matched to {@link #apiKey()}. */
    @SuppressWarnings("unchecked")
    default CompletionStage<R> handleMessage(RequestContext context, ApiMessage request) {
        return handle(context, (Q) request);
    }

    default boolean supports(short version) {
        return version >= minVersion() && version <= maxVersion();
    }
}
