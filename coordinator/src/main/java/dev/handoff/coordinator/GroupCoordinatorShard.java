package dev.handoff.coordinator;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.handoff.coordinator.classic.ClassicGroupManager;
import dev.handoff.coordinator.consumer.ConsumerGroupManager;
import dev.handoff.coordinator.consumer.TopicsImage;
import dev.handoff.coordinator.offsets.OffsetManager;
import dev.handoff.coordinator.record.ClassicGroupRecord;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.record.OffsetCommitRecord;
import dev.handoff.coordinator.recorder.RebalanceObserver;
import dev.handoff.coordinator.recorder.Trigger;
import dev.handoff.coordinator.runtime.CoordinatorShard;
import dev.handoff.coordinator.runtime.IdGenerator;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.coordinator.runtime.ResultBuilder;
import dev.handoff.coordinator.runtime.TimerQueue;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * The group coordinator's state machine: a thin façade that routes each operation to the class for its protocol
 * (classic groups, offsets; KIP-848 consumer groups plug in next to them) and dispatches records on replay.
 * Every operation takes the time as {@code nowMs} and returns a {@link Result}; it runs on a
 * {@link dev.handoff.coordinator.runtime.CoordinatorLoop}, which appends and replays the records.
 */
public final class GroupCoordinatorShard implements CoordinatorShard<CoordinatorRecord> {

    private static final String OFFSET_EXPIRY_TIMER = "offsets-expiry";
    /** DescribeGroups v6+ reports unknown groups as GROUP_ID_NOT_FOUND (KIP-1043). */
    private static final short FIRST_DESCRIBE_VERSION_WITH_GROUP_ID_NOT_FOUND = 6;

    private final GroupCoordinatorConfig config;
    private final GroupRegistry groups = new GroupRegistry();
    private final TimerQueue<String, TimerTask> timers = new TimerQueue<>();
    private final ClassicGroupManager classic;
    private final ConsumerGroupManager consumer;
    private final OffsetManager offsets;
    private final RebalanceObserver observer;

    public GroupCoordinatorShard(GroupCoordinatorConfig config, IdGenerator ids) {
        this(config, ids, RebalanceObserver.NONE);
    }

    /** @param observer sees every operation's trigger and every replayed record (the flight recorder) */
    public GroupCoordinatorShard(GroupCoordinatorConfig config, IdGenerator ids, RebalanceObserver observer) {
        this.config = config;
        this.observer = observer;
        this.classic = new ClassicGroupManager(groups, timers, config, ids);
        this.consumer = new ConsumerGroupManager(groups, timers, config, ids, classic);
        this.offsets = new OffsetManager(groups, config, classic::ensureSimpleGroup, classic::onOffsetCommitted);
    }

    // ---- classic protocol (members of consumer groups are served by the consumer side, spec §17) -----------

    public Result<CoordinatorRecord, JoinGroupResponseData> joinGroup(RequestContext context,
                                                                      JoinGroupRequestData request, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.JOIN_GROUP, request.groupId()), nowMs, groups,
            () -> consumer.servesClassicMembersOf(request.groupId())
                ? consumer.classicJoin(context, request, nowMs)
                : classic.joinGroup(context, request, nowMs));
    }

    public Result<CoordinatorRecord, SyncGroupResponseData> syncGroup(RequestContext context,
                                                                      SyncGroupRequestData request, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.SYNC_GROUP, request.groupId()), nowMs, groups,
            () -> consumer.isConsumerGroup(request.groupId())
                ? consumer.classicSync(request, nowMs)
                : classic.syncGroup(context, request, nowMs));
    }

    public Result<CoordinatorRecord, HeartbeatResponseData> heartbeat(RequestContext context,
                                                                      HeartbeatRequestData request, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.HEARTBEAT, request.groupId()), nowMs, groups,
            () -> consumer.isConsumerGroup(request.groupId())
                ? consumer.classicHeartbeat(request, nowMs)
                : classic.heartbeat(context, request, nowMs));
    }

    public Result<CoordinatorRecord, LeaveGroupResponseData> leaveGroup(RequestContext context,
                                                                        LeaveGroupRequestData request, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.LEAVE_GROUP, request.groupId()), nowMs, groups,
            () -> consumer.isConsumerGroup(request.groupId())
                ? consumer.classicLeave(request, nowMs)
                : classic.leaveGroup(context, request, nowMs));
    }

    // ---- consumer protocol (KIP-848) ----------------------------------------------------------------------

    public Result<CoordinatorRecord, ConsumerGroupHeartbeatResponseData> consumerGroupHeartbeat(
        RequestContext context, ConsumerGroupHeartbeatRequestData request, long nowMs) {
        return observer.observe(Trigger.consumerHeartbeat(request.groupId(), request.memberEpoch()), nowMs, groups,
            () -> consumer.heartbeat(context, request, nowMs));
    }

    public Result<CoordinatorRecord, ConsumerGroupDescribeResponseData> consumerGroupDescribe(
        RequestContext context, ConsumerGroupDescribeRequestData request, long nowMs) {
        return consumer.describe(request);
    }

    /**
     * The broker's topics changed (or this is the first snapshot; consumer group heartbeats wait for it). Groups
     * subscribed to a created, deleted or grown topic get a new group epoch.
     */
    public Result<CoordinatorRecord, Void> onTopicsChanged(TopicsImage image, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.TOPICS_CHANGED, null), nowMs, groups,
            () -> consumer.onTopicsChanged(image));
    }

    // ---- offsets -------------------------------------------------------------------------------------------

    public Result<CoordinatorRecord, OffsetCommitResponseData> commitOffsets(RequestContext context,
                                                                             OffsetCommitRequestData request,
                                                                             long nowMs) {
        return offsets.commit(request, context.apiVersion(), nowMs);
    }

    /** OffsetFetch in the v8+ shape (a list of groups); RequireStable needs nothing: no offsets are pending. */
    public Result<CoordinatorRecord, OffsetFetchResponseData> fetchOffsets(OffsetFetchRequestData request,
                                                                           long nowMs) {
        OffsetFetchResponseData response = new OffsetFetchResponseData();
        request.groups().forEach(group -> response.groups().add(offsets.fetch(group)));
        return Result.of(response);
    }

    public Result<CoordinatorRecord, OffsetDeleteResponseData> deleteOffsets(OffsetDeleteRequestData request,
                                                                             long nowMs) {
        return offsets.delete(request);
    }

    /** Topics were deleted: their committed offsets go too, in every group. */
    public Result<CoordinatorRecord, Void> onTopicsDeleted(Collection<String> topics, long nowMs) {
        return Result.of(offsets.onTopicsDeleted(topics), null);
    }

    // ---- admin ---------------------------------------------------------------------------------------------

    /** ListGroups with the v4 states filter and v5 types filter, both case-insensitive. */
    public Result<CoordinatorRecord, ListGroupsResponseData> listGroups(ListGroupsRequestData request, long nowMs) {
        Set<String> states = lowerCase(request.statesFilter());
        Set<String> types = lowerCase(request.typesFilter());
        List<ListGroupsResponseData.ListedGroup> listed = groups.all().stream()
            .filter(g -> states.isEmpty() || states.contains(g.stateName().toLowerCase(Locale.ROOT)))
            .filter(g -> types.isEmpty() || types.contains(g.type().toString().toLowerCase(Locale.ROOT)))
            .map(g -> new ListGroupsResponseData.ListedGroup()
                .setGroupId(g.groupId())
                .setProtocolType(g.protocolTypeOrEmpty())
                .setGroupState(g.stateName())
                .setGroupType(g.type().toString()))
            .toList();
        return Result.of(new ListGroupsResponseData().setErrorCode(Errors.NONE.code()).setGroups(listed));
    }

    private static Set<String> lowerCase(List<String> values) {
        return values == null ? Set.of()
            : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    public Result<CoordinatorRecord, DescribeGroupsResponseData> describeGroups(RequestContext context,
                                                                                List<String> groupIds,
                                                                                long nowMs) {
        DescribeGroupsResponseData response = new DescribeGroupsResponseData();
        for (String groupId : groupIds) {
            Optional<Group> group = groups.get(groupId);
            // Consumer groups are invisible to DescribeGroups (Kafka 4.4): described like an unknown group.
            if (group.isPresent() && group.get().type() == GroupType.CLASSIC) {
                response.groups().add(group.get().describe().setErrorCode(Errors.NONE.code()));
            } else {
                Errors error = context.apiVersion() >= FIRST_DESCRIBE_VERSION_WITH_GROUP_ID_NOT_FOUND
                    ? Errors.GROUP_ID_NOT_FOUND : Errors.NONE;
                response.groups().add(new DescribeGroupsResponseData.DescribedGroup()
                    .setGroupId(groupId)
                    .setGroupState("Dead")
                    .setErrorCode(error.code()));
            }
        }
        return Result.of(response);
    }

    /** DeleteGroups: only groups without members; their offsets are deleted with them. */
    public Result<CoordinatorRecord, DeleteGroupsResponseData> deleteGroups(List<String> groupIds, long nowMs) {
        return observer.observe(Trigger.of(Trigger.Kind.DELETE_GROUPS, null), nowMs, groups,
            () -> deleteGroupsNow(groupIds));
    }

    private Result<CoordinatorRecord, DeleteGroupsResponseData> deleteGroupsNow(List<String> groupIds) {
        ResultBuilder<CoordinatorRecord> out = new ResultBuilder<>();
        DeleteGroupsResponseData response = new DeleteGroupsResponseData();
        for (String groupId : groupIds) {
            Errors error = Errors.NONE;
            try {
                Group group = groups.get(groupId).orElseThrow(Errors.GROUP_ID_NOT_FOUND::exception);
                group.validateDeleteGroup();
                out.records(offsets.deleteAllOffsets(groupId));
                out.records(group.deletionRecords());
                classic.onDeleting(groupId);
            } catch (ApiException e) {
                error = Errors.forException(e);
            }
            if (response.results().find(groupId) == null) {
                response.results().add(new DeleteGroupsResponseData.DeletableGroupResult()
                    .setGroupId(groupId)
                    .setErrorCode(error.code()));
            }
        }
        return out.reply(response);
    }

    // ---- state ---------------------------------------------------------------------------------------------

    @Override
    public void replay(CoordinatorRecord record) {
        observer.replaying(record, groups);
        switch (record.type()) {
            case OFFSET_COMMIT -> offsets.replay((OffsetCommitRecord) record);
            case CLASSIC_GROUP_METADATA -> classic.replay((ClassicGroupRecord) record);
            case CONSUMER_GROUP_METADATA, CONSUMER_GROUP_MEMBER_METADATA, CONSUMER_GROUP_TARGET_ASSIGNMENT_METADATA,
                CONSUMER_GROUP_TARGET_ASSIGNMENT_MEMBER, CONSUMER_GROUP_CURRENT_MEMBER_ASSIGNMENT ->
                consumer.replay(record);
        }
    }

    @Override
    public Result<CoordinatorRecord, Void> onLoaded(long nowMs) {
        classic.onLoaded(nowMs);
        consumer.onLoaded(nowMs);
        scheduleOffsetExpiry(nowMs);
        return Result.of(null);
    }

    private void scheduleOffsetExpiry(long nowMs) {
        timers.schedule(OFFSET_EXPIRY_TIMER, nowMs + config.offsetsRetentionCheckIntervalMs(), firedAtMs -> {
            scheduleOffsetExpiry(firedAtMs);
            return Result.of(offsets.expire(firedAtMs), null);
        });
    }

    @Override
    public OptionalLong nextDeadline() {
        return timers.nextDeadline();
    }

    @Override
    public Result<CoordinatorRecord, Boolean> expireNextTimer(long nowMs) {
        Optional<TimerQueue.Expired<String, TimerTask>> due = timers.expireNext(nowMs);
        if (due.isEmpty()) {
            return Result.of(false);
        }
        TimerTask task = due.get().action();
        Result<CoordinatorRecord, Void> fired = observer.observe(Trigger.timer(due.get().key()), nowMs, groups,
            () -> task.run(nowMs));
        return new ResultBuilder<CoordinatorRecord>().merge(fired).reply(true);
    }

    /**
     * Fires every timer due at {@code nowMs}, one at a time, for drivers without a {@link
     * dev.handoff.coordinator.runtime.CoordinatorLoop} (the simulator, tests): {@code apply} gets each timer's
     * result and must replay its records before the next timer runs, as the loop does between operations.
     */
    public void expireDueTimers(long nowMs, Consumer<Result<CoordinatorRecord, Boolean>> apply) {
        Result<CoordinatorRecord, Boolean> fired;
        while ((fired = expireNextTimer(nowMs)).response()) {
            apply.accept(fired);
        }
    }

    // ---- views (tests, lab, console) -----------------------------------------------------------------------

    /** @return the group with this id, of any type */
    public Optional<Group> group(String groupId) {
        return groups.get(groupId);
    }

    /** @return the committed offsets this shard holds, for inspection */
    public OffsetManager offsets() {
        return offsets;
    }

    /** @return the deadline of a timer, for tests asserting what is armed */
    public OptionalLong timerDeadline(String key) {
        return timers.deadlineOf(key);
    }
}
