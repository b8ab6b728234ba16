package dev.handoff.lab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.handoff.coordinator.RequestContext;
import dev.handoff.lab.timeline.EventKind;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.Errors;

/**
 * A KIP-848 consumer ({@code group.protocol=consumer}, kafka-clients' {@code ConsumerMembershipManager},
 * simplified): heartbeats at the interval the coordinator returns; a heartbeat joins with epoch 0 and a
 * client-chosen member id (ConsumerGroupHeartbeat v1). When a response carries an assignment, the next poll
 * reconciles: {@code onPartitionsRevoked} for what is taken away (after committing), {@code onPartitionsAssigned}
 * for what is added, then a heartbeat acknowledges the new owned set at once. Fenced or unknown members lose their
 * partitions and rejoin at epoch 0. One heartbeat is in flight at a time.
 */
final class ConsumerMember extends SimMember {

    private static final short HEARTBEAT_VERSION = 1;
    private static final int JOIN_EPOCH = 0;
    private static final int LEAVE_EPOCH = -1;
    private static final long RETRY_BACKOFF_MS = 100;

    private final String memberId;
    private int epoch = JOIN_EPOCH;
    private int intervalMs;
    private Set<Integer> target;
    private boolean fenced;
    private boolean inFlight;
    private boolean sendAfterResponse;
    private boolean ownedChanged = true;
    private long heartbeatToken;

    ConsumerMember(SimContext context, String name, int slot, String memberId) {
        super(context, name, slot);
        this.memberId = memberId;
    }

    @Override
    protected void onStart() {
        sendHeartbeat();
    }

    @Override
    protected void onPoll() {
        if (fenced) {
            fenced = false;
            lose(new ArrayList<>(owned.keySet()), epoch);
            epoch = JOIN_EPOCH;
            target = null;
            ownedChanged = true;
            sendHeartbeat();
            return;
        }
        if (target != null) {
            List<Integer> revoked = new ArrayList<>(owned.keySet());
            revoked.removeAll(target);
            revoke(revoked, epoch);
            assign(target, epoch);
            target = null;
            ownedChanged = true;
            sendHeartbeat();
        }
    }

    private void sendHeartbeat() {
        if (inFlight) {
            sendAfterResponse = true;
            return;
        }
        inFlight = true;
        heartbeatToken++;
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData()
            .setGroupId(context.groupId())
            .setMemberId(memberId)
            .setMemberEpoch(epoch);
        if (epoch == JOIN_EPOCH) {
            request.setRebalanceTimeoutMs(context.model().rebalanceTimeoutMs())
                .setSubscribedTopicNames(List.of(context.topic()));
        }
        if (ownedChanged) {
            request.setTopicPartitions(epoch == JOIN_EPOCH ? List.of() : List.of(
                new ConsumerGroupHeartbeatRequestData.TopicPartitions().setTopicId(context.topicId())
                    .setPartitions(new ArrayList<>(owned.keySet()))));
            ownedChanged = false;
        }
        message(epoch == JOIN_EPOCH ? EventKind.JOIN : EventKind.HEARTBEAT,
            request.topicPartitions() == null ? List.of() : owned.keySet(), epoch);
        context.coordinator().send((shard, now) -> shard.consumerGroupHeartbeat(
                new RequestContext(HEARTBEAT_VERSION, name, "/127.0.0.1"), request, now),
            this::onResponse);
    }

    private void onResponse(ConsumerGroupHeartbeatResponseData response) {
        inFlight = false;
        if (!alive) {
            return;
        }
        Errors error = Errors.forCode(response.errorCode());
        switch (error) {
            case NONE -> {
                boolean news = response.memberEpoch() != epoch || response.assignment() != null;
                epoch = response.memberEpoch();
                intervalMs = response.heartbeatIntervalMs();
                if (response.assignment() != null) {
                    Set<Integer> assigned = new TreeSet<>();
                    response.assignment().topicPartitions().forEach(tp -> assigned.addAll(tp.partitions()));
                    if (!assigned.equals(owned.keySet())) {
                        target = assigned;
                        requestPoll();
                    }
                }
                if (news) {
                    message(EventKind.RESPONSE, target == null ? List.of() : target, epoch);
                }
                scheduleNext(intervalMs);
            }
            case FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID -> {
                message(EventKind.RESPONSE, List.of(), epoch);
                fenced = true;
                sendAfterResponse = false;
                requestPoll();
            }
            default -> scheduleNext(RETRY_BACKOFF_MS);
        }
        if (sendAfterResponse) {
            sendAfterResponse = false;
            sendHeartbeat();
        }
    }

    private void scheduleNext(long delayMs) {
        long token = heartbeatToken;
        context.scheduler().after(delayMs, () -> {
            if (alive && token == heartbeatToken && !inFlight) {
                sendHeartbeat();
            }
        });
    }

    @Override
    protected void onLeave() {
        heartbeatToken++;
        ConsumerGroupHeartbeatRequestData request = new ConsumerGroupHeartbeatRequestData()
            .setGroupId(context.groupId())
            .setMemberId(memberId)
            .setMemberEpoch(LEAVE_EPOCH);
        message(EventKind.HEARTBEAT, List.of(), LEAVE_EPOCH);
        context.coordinator().send((shard, now) -> shard.consumerGroupHeartbeat(
                new RequestContext(HEARTBEAT_VERSION, name, "/127.0.0.1"), request, now),
            response -> { });
    }
}
