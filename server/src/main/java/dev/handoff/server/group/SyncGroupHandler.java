package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * SyncGroup v0-5 (classic protocol). A follower's response is parked until the leader has sent the assignment;
 * ProtocolType and ProtocolName are echoed from v5 only (KIP-559).
 */
final class SyncGroupHandler implements ApiHandler<SyncGroupRequestData, SyncGroupResponseData> {

    private static final short FIRST_VERSION_WITH_PROTOCOL = 5;

    private final GroupCoordinatorService coordinator;

    SyncGroupHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SYNC_GROUP;
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
    public CompletionStage<SyncGroupResponseData> handle(RequestContext context, SyncGroupRequestData request) {
        return coordinator.submit("sync-group",
                (shard, nowMs) -> shard.syncGroup(CoordinatorContexts.of(context), request, nowMs))
                .thenApply(response -> context.apiVersion() < FIRST_VERSION_WITH_PROTOCOL
                        ? response.setProtocolType(null).setProtocolName(null) : response);
    }
}
