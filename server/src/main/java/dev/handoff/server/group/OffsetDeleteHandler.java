package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * OffsetDelete v0 (KIP-496): deletes a group's committed offsets for partitions it is not subscribed to
 * (GROUP_SUBSCRIBED_TO_TOPIC otherwise).
 */
final class OffsetDeleteHandler implements ApiHandler<OffsetDeleteRequestData, OffsetDeleteResponseData> {

    private final GroupCoordinatorService coordinator;

    OffsetDeleteHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_DELETE;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 0;
    }

    @Override
    public CompletionStage<OffsetDeleteResponseData> handle(RequestContext context, OffsetDeleteRequestData request) {
        return coordinator.submit("offset-delete", (shard, nowMs) -> shard.deleteOffsets(request, nowMs));
    }
}
