package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import dev.handoff.server.metadata.ClusterInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;

/**
 * FindCoordinator v0-6: this node coordinates every group. v0-3 ask for one key, v4+ for a batch
 * ({@code CoordinatorKeys}, KIP-699).
 *
 * <p>Transactions are not supported: a TRANSACTION key gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which the 4.4
 * producer raises at once as a fatal {@code TransactionalIdAuthorizationException} naming the id (the same answer
 * InitProducerId gives), where COORDINATOR_NOT_AVAILABLE would make it retry until {@code max.block.ms}. Share
 * groups (KIP-932) are not supported either: a SHARE key gets INVALID_REQUEST.
 */
final class FindCoordinatorHandler implements ApiHandler<FindCoordinatorRequestData, FindCoordinatorResponseData> {

    private static final short FIRST_BATCHED_VERSION = 4;

    private final ClusterInfo cluster;

    FindCoordinatorHandler(ClusterInfo cluster) {
        this.cluster = cluster;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FIND_COORDINATOR;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 6;
    }

    @Override
    public CompletionStage<FindCoordinatorResponseData> handle(RequestContext context,
                                                               FindCoordinatorRequestData request) {
        // CoordinatorType.forId throws InvalidRequestException (INVALID_REQUEST) for an unknown key type.
        CoordinatorType type = CoordinatorType.forId(request.keyType());
        FindCoordinatorResponseData response = new FindCoordinatorResponseData();
        if (context.apiVersion() < FIRST_BATCHED_VERSION) {
            Coordinator answer = coordinator(type, request.key());
            return CompletableFuture.completedFuture(response
                    .setErrorCode(answer.errorCode())
                    .setErrorMessage(answer.errorMessage())
                    .setNodeId(answer.nodeId())
                    .setHost(answer.host())
                    .setPort(answer.port()));
        }
        List<Coordinator> answers = request.coordinatorKeys().stream().map(key -> coordinator(type, key)).toList();
        return CompletableFuture.completedFuture(response.setCoordinators(answers));
    }

    private Coordinator coordinator(CoordinatorType type, String key) {
        Coordinator coordinator = new Coordinator().setKey(key);
        Errors error = switch (type) {
            case GROUP -> Errors.NONE;
            case TRANSACTION -> Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
            case SHARE -> Errors.INVALID_REQUEST;
        };
        if (error != Errors.NONE) {
            return coordinator.setErrorCode(error.code())
                    .setErrorMessage(type + " coordinators are not supported by this broker")
                    .setNodeId(-1)
                    .setHost("")
                    .setPort(-1);
        }
        return coordinator.setNodeId(cluster.nodeId()).setHost(cluster.host()).setPort(cluster.port());
    }
}
