package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** ConsumerGroupDescribe v0-1 (KIP-848): consumer groups with their members, epochs and assignments. */
final class ConsumerGroupDescribeHandler
        implements ApiHandler<ConsumerGroupDescribeRequestData, ConsumerGroupDescribeResponseData> {

    private final GroupCoordinatorService coordinator;

    ConsumerGroupDescribeHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CONSUMER_GROUP_DESCRIBE;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 1;
    }

    @Override
    public CompletionStage<ConsumerGroupDescribeResponseData> handle(RequestContext context,
                                                                     ConsumerGroupDescribeRequestData request) {
        return coordinator.submit("consumer-group-describe",
                (shard, nowMs) -> shard.consumerGroupDescribe(CoordinatorContexts.of(context), request, nowMs))
                .thenApply(response -> {
                    if (request.includeAuthorizedOperations()) {
                        response.groups().forEach(group -> group.setAuthorizedOperations(GroupOperations.ALL));
                    }
                    return response;
                });
    }
}
