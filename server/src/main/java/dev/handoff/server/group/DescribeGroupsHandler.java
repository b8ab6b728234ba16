package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * DescribeGroups v0-6: classic groups; consumer groups are described by ConsumerGroupDescribe. v6 answers unknown
 * groups with GROUP_ID_NOT_FOUND and an error message (KIP-1043); before it there is no message field.
 */
final class DescribeGroupsHandler implements ApiHandler<DescribeGroupsRequestData, DescribeGroupsResponseData> {

    private static final short FIRST_VERSION_WITH_ERROR_MESSAGE = 6;

    private final GroupCoordinatorService coordinator;

    DescribeGroupsHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_GROUPS;
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
    public CompletionStage<DescribeGroupsResponseData> handle(RequestContext context,
                                                              DescribeGroupsRequestData request) {
        return coordinator.submit("describe-groups", (shard, nowMs) ->
                shard.describeGroups(CoordinatorContexts.of(context), request.groups(), nowMs))
                .thenApply(response -> {
                    response.groups().forEach(group -> {
                        if (request.includeAuthorizedOperations()) {
                            group.setAuthorizedOperations(GroupOperations.ALL);
                        }
                        if (context.apiVersion() < FIRST_VERSION_WITH_ERROR_MESSAGE) {
                            group.setErrorMessage(null);
                        }
                    });
                    return response;
                });
    }
}
