package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.RequestContext;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.LeaveGroupResponse;

/**
 * LeaveGroup v0-5. v0-2 name one member ({@code MemberId}); v3+ a batch ({@code Members}, KIP-345). The coordinator
 * sees the batch; an old client gets the single member's error as the top-level error, as Kafka answers it.
 */
final class LeaveGroupHandler implements ApiHandler<LeaveGroupRequestData, LeaveGroupResponseData> {

    private static final short FIRST_BATCHED_VERSION = 3;

    private final GroupCoordinatorService coordinator;

    LeaveGroupHandler(GroupCoordinatorService coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEAVE_GROUP;
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
    public CompletionStage<LeaveGroupResponseData> handle(RequestContext context, LeaveGroupRequestData request) {
        short version = context.apiVersion();
        LeaveGroupRequestData batched = version >= FIRST_BATCHED_VERSION ? request
                : new LeaveGroupRequestData()
                        .setGroupId(request.groupId())
                        .setMembers(List.of(new MemberIdentity().setMemberId(request.memberId())));
        return coordinator.submit("leave-group",
                (shard, nowMs) -> shard.leaveGroup(CoordinatorContexts.of(context), batched, nowMs))
                .thenApply(response -> version >= FIRST_BATCHED_VERSION ? response
                        : new LeaveGroupResponse(response.members(), Errors.forCode(response.errorCode()),
                                response.throttleTimeMs(), version).data());
    }
}
