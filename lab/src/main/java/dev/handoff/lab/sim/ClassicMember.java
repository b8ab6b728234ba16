package dev.handoff.lab.sim;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.handoff.coordinator.RequestContext;
import dev.handoff.lab.timeline.EventKind;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * A classic-protocol consumer (kafka-clients' {@code ConsumerCoordinator}, simplified): JoinGroup (twice for a new
 * member, KIP-394), the leader runs kafka-clients' own assignor over the members' subscriptions, SyncGroup, then
 * heartbeats every {@code heartbeat.interval.ms}. A heartbeat answered REBALANCE_IN_PROGRESS makes the next poll
 * rejoin; with the eager protocol that poll first revokes everything. With the cooperative protocol (KIP-429) the
 * member keeps its partitions through the join, revokes only what the new assignment takes away, and rejoins at
 * once when it revoked something. Heartbeats pause from the join until its response, as the client's heartbeat
 * thread does in state PREPARING_REBALANCE.
 */
final class ClassicMember extends SimMember {

    private static final short JOIN_VERSION = 9;
    private static final short SYNC_VERSION = 5;
    private static final short HEARTBEAT_VERSION = 4;
    private static final short LEAVE_VERSION = 5;
    private static final String PROTOCOL_TYPE = "consumer";

    private final ConsumerPartitionAssignor assignor;
    private final boolean cooperative;
    private final Cluster cluster;
    private String memberId = "";
    private int generation = -1;
    private boolean joining;
    private boolean needsRejoin;
    private Assignment pendingAssignment;
    private long heartbeatToken;

    ClassicMember(SimContext context, String name, int slot, ConsumerPartitionAssignor assignor, boolean cooperative,
                  Cluster cluster) {
        super(context, name, slot);
        this.assignor = assignor;
        this.cooperative = cooperative;
        this.cluster = cluster;
    }

    @Override
    protected void onStart() {
        needsRejoin = true;
        requestPoll();
    }

    @Override
    protected void onPoll() {
        if (pendingAssignment != null) {
            applyAssignment(pendingAssignment);
            pendingAssignment = null;
        }
        if (needsRejoin && !joining) {
            needsRejoin = false;
            joining = true;
            heartbeatToken++;
            if (!cooperative) {
                revoke(new ArrayList<>(owned.keySet()), generation);
            }
            sendJoin();
        }
    }

    private void applyAssignment(Assignment assignment) {
        Set<Integer> assigned = new TreeSet<>();
        assignment.partitions().forEach(tp -> assigned.add(tp.partition()));
        List<Integer> revoked = new ArrayList<>(owned.keySet());
        revoked.removeAll(assigned);
        if (!revoked.isEmpty()) {
            revoke(revoked, generation);
            // KIP-429: a member that gave partitions up rejoins at once so that they can be handed out.
            needsRejoin = true;
        }
        assign(assigned, generation);
        assignor.onAssignment(assignment, new ConsumerGroupMetadata(context.groupId(), generation, memberId,
            Optional.empty()));
        scheduleHeartbeat();
    }

    private RequestContext requestContext(short version) {
        return new RequestContext(version, name, "/127.0.0.1");
    }

    private void sendJoin() {
        List<TopicPartition> ownedPartitions = new ArrayList<>();
        owned.keySet().forEach(p -> ownedPartitions.add(new TopicPartition(context.topic(), p)));
        Subscription subscription = new Subscription(List.of(context.topic()),
            assignor.subscriptionUserData(Set.of(context.topic())), ownedPartitions);
        JoinGroupRequestData.JoinGroupRequestProtocolCollection protocols =
            new JoinGroupRequestData.JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestData.JoinGroupRequestProtocol().setName(assignor.name())
            .setMetadata(toArray(ConsumerProtocol.serializeSubscription(subscription))));
        JoinGroupRequestData request = new JoinGroupRequestData()
            .setGroupId(context.groupId())
            .setSessionTimeoutMs(context.model().sessionTimeoutMs())
            .setRebalanceTimeoutMs(context.model().rebalanceTimeoutMs())
            .setMemberId(memberId)
            .setProtocolType(PROTOCOL_TYPE)
            .setProtocols(protocols);
        message(EventKind.JOIN, List.of(), generation);
        context.coordinator().send((shard, now) -> shard.joinGroup(requestContext(JOIN_VERSION), request, now),
            this::onJoinResponse);
    }

    private void onJoinResponse(JoinGroupResponseData response) {
        if (!alive) {
            return;
        }
        Errors error = Errors.forCode(response.errorCode());
        switch (error) {
            case NONE -> {
                generation = response.generationId();
                message(EventKind.RESPONSE, List.of(), generation);
                // The heartbeat thread runs again once the join is answered (state COMPLETING_REBALANCE).
                scheduleHeartbeat();
                sendSync(response.leader().equals(memberId) ? assignAsLeader(response) : List.of());
            }
            case MEMBER_ID_REQUIRED -> {
                memberId = response.memberId();
                sendJoin();
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, FENCED_INSTANCE_ID -> {
                resetAndLose();
                sendJoin();
            }
            default -> context.scheduler().after(100, this::sendJoin);
        }
    }

    private List<SyncGroupRequestData.SyncGroupRequestAssignment> assignAsLeader(JoinGroupResponseData response) {
        Map<String, Subscription> subscriptions = new HashMap<>();
        for (JoinGroupResponseData.JoinGroupResponseMember member : response.members()) {
            subscriptions.put(member.memberId(),
                ConsumerProtocol.deserializeSubscription(ByteBuffer.wrap(member.metadata())));
        }
        Map<String, Assignment> assignments = assignor.assign(cluster, new GroupSubscription(subscriptions))
            .groupAssignment();
        List<SyncGroupRequestData.SyncGroupRequestAssignment> out = new ArrayList<>();
        new TreeMap<>(assignments).forEach((id, assignment) -> out.add(
            new SyncGroupRequestData.SyncGroupRequestAssignment().setMemberId(id)
                .setAssignment(toArray(ConsumerProtocol.serializeAssignment(assignment)))));
        return out;
    }

    private void sendSync(List<SyncGroupRequestData.SyncGroupRequestAssignment> assignments) {
        SyncGroupRequestData request = new SyncGroupRequestData()
            .setGroupId(context.groupId())
            .setGenerationId(generation)
            .setMemberId(memberId)
            .setProtocolType(PROTOCOL_TYPE)
            .setProtocolName(assignor.name())
            .setAssignments(assignments);
        message(EventKind.SYNC, List.of(), generation);
        context.coordinator().send((shard, now) -> shard.syncGroup(requestContext(SYNC_VERSION), request, now),
            this::onSyncResponse);
    }

    private void onSyncResponse(SyncGroupResponseData response) {
        if (!alive) {
            return;
        }
        joining = false;
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.NONE) {
            pendingAssignment = ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(response.assignment()));
            List<Integer> partitions = new ArrayList<>();
            pendingAssignment.partitions().forEach(tp -> partitions.add(tp.partition()));
            message(EventKind.RESPONSE, partitions, generation);
        } else if (error == Errors.REBALANCE_IN_PROGRESS) {
            needsRejoin = true;
        } else {
            resetAndLose();
            needsRejoin = true;
        }
        requestPoll();
    }

    private void resetAndLose() {
        memberId = "";
        generation = -1;
        lose(new ArrayList<>(owned.keySet()), generation);
    }

    private void scheduleHeartbeat() {
        long token = ++heartbeatToken;
        context.scheduler().after(context.model().classicHeartbeatIntervalMs(), () -> {
            if (alive && token == heartbeatToken) {
                sendHeartbeat(token);
            }
        });
    }

    private void sendHeartbeat(long token) {
        HeartbeatRequestData request = new HeartbeatRequestData().setGroupId(context.groupId())
            .setGenerationId(generation).setMemberId(memberId);
        message(EventKind.HEARTBEAT, List.of(), generation);
        context.coordinator().send((shard, now) -> shard.heartbeat(requestContext(HEARTBEAT_VERSION), request, now),
            response -> {
                if (!alive || token != heartbeatToken) {
                    return;
                }
                Errors error = Errors.forCode(response.errorCode());
                if (error == Errors.NONE) {
                    scheduleHeartbeat();
                } else if (error == Errors.REBALANCE_IN_PROGRESS) {
                    message(EventKind.RESPONSE, List.of(), generation);
                    needsRejoin = true;
                    requestPoll();
                } else {
                    message(EventKind.RESPONSE, List.of(), generation);
                    resetAndLose();
                    needsRejoin = true;
                    requestPoll();
                }
            });
    }

    @Override
    protected void onLeave() {
        heartbeatToken++;
        if (memberId.isEmpty()) {
            return;
        }
        LeaveGroupRequestData request = new LeaveGroupRequestData().setGroupId(context.groupId())
            .setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(memberId)));
        context.coordinator().send((shard, now) -> shard.leaveGroup(requestContext(LEAVE_VERSION), request, now),
            response -> { });
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
