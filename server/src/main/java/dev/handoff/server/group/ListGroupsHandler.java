package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/** ListGroups v0-5: every group, filtered by state (v4+, KIP-518) and type (v5+, KIP-848). */
final class ListGroupsHandler implements ApiHandler<ListGroupsRequestData, ListGroupsResponseData> {

    private final GroupCoordinatorService coordinator;

    ListGroupsHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_GROUPS;
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
    public CompletionStage<ListGroupsResponseData> handle(RequestContext context, ListGroupsRequestData request) {
        return coordinator.submit("list-groups", (shard, nowMs) -> shard.listGroups(request, nowMs));
    }
}
