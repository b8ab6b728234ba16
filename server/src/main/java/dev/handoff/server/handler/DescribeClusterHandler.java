package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeClusterResponseData.DescribeClusterBroker;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * DescribeCluster v0-2: this node is the only broker and acts as controller. Asking for controller endpoints
 * (v1 EndpointType 2) gets UNSUPPORTED_ENDPOINT_TYPE, as from any Kafka broker.
 */
final class DescribeClusterHandler implements ApiHandler<DescribeClusterRequestData, DescribeClusterResponseData> {

    private static final byte BROKER_ENDPOINTS = 1;

    private final ClusterInfo cluster;

    DescribeClusterHandler(ClusterInfo cluster) {
        this.cluster = cluster;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 2;
    }

    @Override
    public CompletionStage<DescribeClusterResponseData> handle(RequestContext context,
                                                               DescribeClusterRequestData request) {
        DescribeClusterResponseData response = new DescribeClusterResponseData()
                .setEndpointType(request.endpointType());
        if (request.endpointType() != BROKER_ENDPOINTS) {
            return CompletableFuture.completedFuture(response
                    .setErrorCode(Errors.UNSUPPORTED_ENDPOINT_TYPE.code())
                    .setErrorMessage("The request was sent to an endpoint of type BROKER, but we wanted an "
                            + "endpoint of type " + request.endpointType()));
        }
        response.setClusterId(cluster.clusterId())
                .setControllerId(cluster.nodeId());
        response.brokers().add(new DescribeClusterBroker()
                .setBrokerId(cluster.nodeId())
                .setHost(cluster.host())
                .setPort(cluster.port()));
        if (request.includeClusterAuthorizedOperations()) {
            response.setClusterAuthorizedOperations(SingleNode.CLUSTER_OPERATIONS);
        }
        return CompletableFuture.completedFuture(response);
    }
}
