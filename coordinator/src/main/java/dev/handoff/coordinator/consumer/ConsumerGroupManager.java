package dev.handoff.coordinator.consumer;

import java.util.ArrayList;
import java.util.List;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorConfig;
import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.RequestContext;
import dev.handoff.coordinator.TimerTask;
import dev.handoff.coordinator.record.ClassicMemberMetadataValue;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.Records;
import dev.handoff.coordinator.runtime.IdGenerator;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.TimerQueue;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KIP-848 consumer group protocol behind the shard façade: heartbeats, describe, topic changes, replay and the
 * timers of loaded members. Topic metadata is an input ({@link #onTopicsChanged}); until the first snapshot arrives
 * heartbeats are answered with COORDINATOR_LOAD_IN_PROGRESS (the client retries), because assigning against an
 * unknown topic set would take every member's partitions away.
 */
public final class ConsumerGroupManager {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConsumerGroupManager.class);

    private final GroupRegistry groups;
    private final GroupCoordinatorConfig config;
    private final SubscriptionResolver topics = new SubscriptionResolver();
    private final ConsumerGroupReplayer replayer;
    private final ConsumerGroupTimers timers;
    private final ConsumerGroupHeartbeatHandler heartbeats;
    private final ConsumerGroupDescriber describer;
    private final ClassicMemberHandler classicMembers;
    private boolean topicsKnown;

    /**
     * @param classic the classic side of online migration (spec §17)
     * @throws IllegalArgumentException if {@code group.consumer.assignors} names an unknown assignor
     */
    public ConsumerGroupManager(GroupRegistry groups, TimerQueue<String, TimerTask> timerQueue,
                                GroupCoordinatorConfig config, IdGenerator ids, ClassicGroupBridge classic) {
        this.groups = groups;
        this.config = config;
        ServerAssignors assignors = new ServerAssignors(config.consumerGroupAssignors());
        MemberRemoval removal = new MemberRemoval(topics, new ClassicGroupDowngrade(config, topics, classic));
        this.replayer = new ConsumerGroupReplayer(groups, topics);
        this.timers = new ConsumerGroupTimers(groups, timerQueue, removal);
        ClassicGroupUpgrade upgrades = new ClassicGroupUpgrade(config, topics, classic, timers);
        this.heartbeats = new ConsumerGroupHeartbeatHandler(groups, config, topics, assignors, timers, upgrades, ids);
        this.describer = new ConsumerGroupDescriber(groups, topics, assignors);
        this.classicMembers = new ClassicMemberHandler(groups, config, topics, assignors, timers, ids);
    }

    public Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> heartbeat(
        RequestContext context, ConsumerGroupHeartbeatRequestData request, long nowMs) {
        if (!topicsKnown) {
            return Result.of(new ConsumerGroupHeartbeatResponseData()
                .setErrorCode(Errors.COORDINATOR_LOAD_IN_PROGRESS.code())
                .setErrorMessage("The coordinator has not received the topic metadata yet."));
        }
        return heartbeats.heartbeat(context, request, nowMs);
    }

    // ---- classic members of consumer groups (spec §17) -----------------------------------------------------

    /**
     * @return true if classic requests for {@code groupId} are served here: it is a non-empty consumer group and
     *         migration is not disabled (an empty one is replaced by a classic group on JoinGroup, and with migration
     *         disabled classic members get INCONSISTENT_GROUP_PROTOCOL from the classic side)
     */
    public boolean servesClassicMembersOf(String groupId) {
        return config.migrationPolicy().isEnabled()
            && groups.get(groupId, ConsumerGroup.class).filter(group -> !group.isEmpty()).isPresent();
    }

    /** @return true if {@code groupId} is a consumer group (classic Sync/Heartbeat/Leave are answered here) */
    public boolean isConsumerGroup(String groupId) {
        return groups.get(groupId, ConsumerGroup.class).isPresent();
    }

    public Result<CoordinatorRecord, JoinGroupResponseData> classicJoin(RequestContext context,
                                                                        JoinGroupRequestData request, long nowMs) {
        return classicMembers.join(context, request, nowMs);
    }

    public Result<CoordinatorRecord, SyncGroupResponseData> classicSync(SyncGroupRequestData request, long nowMs) {
        return classicMembers.sync(request, nowMs);
    }

    public Result<CoordinatorRecord, HeartbeatResponseData> classicHeartbeat(HeartbeatRequestData request,
                                                                             long nowMs) {
        return classicMembers.heartbeat(request, nowMs);
    }

    public Result<CoordinatorRecord, LeaveGroupResponseData> classicLeave(LeaveGroupRequestData request,
                                                                          long nowMs) {
        return classicMembers.leave(request, nowMs);
    }

    // ---- admin and topics ----------------------------------------------------------------------------------

    public Result<CoordinatorRecord, ConsumerGroupDescribeResponseData> describe(
        ConsumerGroupDescribeRequestData request) {
        ConsumerGroupDescribeResponseData response = new ConsumerGroupDescribeResponseData();
        request.groupIds().forEach(groupId -> response.groups().add(describer.describe(groupId)));
        return Result.of(response);
    }

    /**
     * Takes a new topic snapshot. A group whose subscribed topics changed (created, deleted, grown, moved racks)
     * gets a new group epoch, so its next heartbeat computes a new target assignment (KIP-1101).
     */
    public Result<CoordinatorRecord, Void> onTopicsChanged(TopicsImage image) {
        topics.setImage(image);
        topicsKnown = true;
        List<CoordinatorRecord> records = new ArrayList<>();
        for (Group group : groups.all()) {
            if (group instanceof ConsumerGroup consumer && !consumer.isEmpty()) {
                long hash = topics.metadataHash(topics.topicNames(consumer.members().values()));
                if (hash != consumer.metadataHash()) {
                    LOGGER.atInfo().addKeyValue("groupId", consumer.groupId())
                        .addKeyValue("groupEpoch", consumer.groupEpoch() + 1)
                        .log("Subscribed topics changed; bumping the consumer group epoch");
                    records.add(Records.consumerGroupEpoch(consumer.groupId(), consumer.groupEpoch() + 1, hash));
                }
            }
        }
        return Result.of(records, null);
    }

    public void replay(CoordinatorRecord record) {
        replayer.replay(record);
    }

    /**
     * After loading, every member's session starts afresh (classic members on their own session timeout) and
     * pending revocations get their full timeout.
     */
    public void onLoaded(long nowMs) {
        for (Group group : groups.all()) {
            if (group instanceof ConsumerGroup consumer) {
                for (ConsumerGroupMember member : consumer.members().values()) {
                    timers.scheduleSession(consumer.groupId(), member.memberId(), nowMs,
                        member.classicMemberMetadata().map(ClassicMemberMetadataValue::sessionTimeoutMs)
                            .orElse(config.consumerGroupSessionTimeoutMs()));
                    if (member.state() == MemberState.UNREVOKED_PARTITIONS) {
                        timers.scheduleRebalance(consumer.groupId(), member.memberId(), member.memberEpoch(), nowMs,
                            member.rebalanceTimeoutMs());
                    }
                }
            }
        }
    }
}
