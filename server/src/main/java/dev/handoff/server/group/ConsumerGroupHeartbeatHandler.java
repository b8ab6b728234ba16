package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * ConsumerGroupHeartbeat v0-1 (KIP-848): joins, heartbeats and leaves a consumer group and carries the member's
 * assignment. v1 adds regex subscriptions and member ids minted by the client (KIP-1082); the coordinator applies
 * the version rules.
 */
final class ConsumerGroupHeartbeatHandler
        implements ApiHandler<ConsumerGroupHeartbeatRequestData, ConsumerGroupHeartbeatResponseData> {

    private final GroupCoordinatorService coordinator;

    ConsumerGroupHeartbeatHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CONSUMER_GROUP_HEARTBEAT;
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
    public CompletionStage<ConsumerGroupHeartbeatResponseData> handle(RequestContext context,
                                                                      ConsumerGroupHeartbeatRequestData request) {
        return coordinator.submit("consumer-group-heartbeat",
                (shard, nowMs) -> shard.consumerGroupHeartbeat(CoordinatorContexts.of(context), request, nowMs));
    }
}
