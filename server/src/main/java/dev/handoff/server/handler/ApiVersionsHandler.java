package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsRequest;

/**
 * ApiVersions v0-5: the list of APIs is generated from the registry. A version above 5 never reaches this
 * handler; the dispatcher answers it with {@link #unsupportedVersion(ApiVersionCollection)}.
 */
public final class ApiVersionsHandler implements ApiHandler<ApiVersionsRequestData, ApiVersionsResponseData> {

    private final ClusterInfo cluster;
    private final ApiVersionCollection apiKeys;

    ApiVersionsHandler(ClusterInfo cluster, List<ApiHandler<?, ?>> others) {
        this.cluster = cluster;
        List<ApiHandler<?, ?>> all = new ArrayList<>(others);
        all.add(this);
        this.apiKeys = ApiHandlerRegistry.versionsOf(all);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.API_VERSIONS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public CompletionStage<ApiVersionsResponseData> handle(RequestContext context, ApiVersionsRequestData request) {
        ApiVersionsResponseData response = new ApiVersionsResponseData().setApiKeys(apiKeys.duplicate());
        // v3+: client software name and version must match Kafka's pattern (KIP-511).
        if (!new ApiVersionsRequest(request, context.apiVersion()).isValid()) {
            response.setErrorCode(Errors.INVALID_REQUEST.code());
        } else if (targetsAnotherBroker(request)) {
            // KIP-1242 (v5): the client meant another cluster or node; it must bootstrap again.
            response.setErrorCode(Errors.REBOOTSTRAP_REQUIRED.code());
        }
        return CompletableFuture.completedFuture(response);
    }

    /** The v0-format answer to an ApiVersions version we do not speak, so the client can retry lower. */
    public static ApiVersionsResponseData unsupportedVersion(ApiVersionCollection apiKeys) {
        return new ApiVersionsResponseData()
                .setErrorCode(Errors.UNSUPPORTED_VERSION.code())
                .setApiKeys(apiKeys.duplicate());
    }

    private boolean targetsAnotherBroker(ApiVersionsRequestData request) {
        boolean otherCluster = request.clusterId() != null && !request.clusterId().equals(cluster.clusterId());
        boolean otherNode = request.nodeId() != -1 && request.nodeId() != cluster.nodeId();
        return otherCluster || otherNode;
    }
}
