package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * JoinGroup v0-9 (classic protocol). The response may be parked until the join phase completes, for up to the
 * group's rebalance timeout; the client's network timeout allows for that. The coordinator applies the
 * version rules (v4+ MEMBER_ID_REQUIRED, v9 SkipAssignment); fields newer than the request's version are cleared.
 */
final class JoinGroupHandler implements ApiHandler<JoinGroupRequestData, JoinGroupResponseData> {

    /** ProtocolType is in the response from v7 (KIP-559). */
    private static final short FIRST_VERSION_WITH_PROTOCOL_TYPE = 7;

    private final GroupCoordinatorService coordinator;

    JoinGroupHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.JOIN_GROUP;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public CompletionStage<JoinGroupResponseData> handle(RequestContext context, JoinGroupRequestData request) {
        return coordinator.submit("join-group",
                (shard, nowMs) -> shard.joinGroup(CoordinatorContexts.of(context), request, nowMs))
                .thenApply(response -> context.apiVersion() < FIRST_VERSION_WITH_PROTOCOL_TYPE
                        ? response.setProtocolType(null) : response);
    }
}
