package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** Heartbeat v0-4 (classic protocol): REBALANCE_IN_PROGRESS tells a member to rejoin. */
final class HeartbeatHandler implements ApiHandler<HeartbeatRequestData, HeartbeatResponseData> {

    private final GroupCoordinatorService coordinator;

    HeartbeatHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.HEARTBEAT;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public CompletionStage<HeartbeatResponseData> handle(RequestContext context, HeartbeatRequestData request) {
        return coordinator.submit("heartbeat",
                (shard, nowMs) -> shard.heartbeat(CoordinatorContexts.of(context), request, nowMs));
    }
}
