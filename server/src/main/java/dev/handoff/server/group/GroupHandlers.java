package dev.handoff.server.group;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.TopicService;
import java.util.List;

/** The handlers of the group coordinator's APIs: classic groups, offsets, admin and KIP-848 consumer groups. */
public final class GroupHandlers {

    private GroupHandlers() {
    }

    public static List<ApiHandler<?, ?>> create(GroupCoordinatorService coordinator, ClusterInfo cluster,
                                                TopicService topics) {
        return List.of(
                new FindCoordinatorHandler(cluster),
                new JoinGroupHandler(coordinator),
                new SyncGroupHandler(coordinator),
                new HeartbeatHandler(coordinator),
                new LeaveGroupHandler(coordinator),
                new OffsetCommitHandler(coordinator, topics),
                new OffsetFetchHandler(coordinator, topics),
                new OffsetDeleteHandler(coordinator),
                new ListGroupsHandler(coordinator),
                new DescribeGroupsHandler(coordinator),
                new DeleteGroupsHandler(coordinator),
                new ConsumerGroupHeartbeatHandler(coordinator),
                new ConsumerGroupDescribeHandler(coordinator));
    }
}
