package dev.handoff.bench.heartbeat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

/**
 * Keeps simulated members heartbeating over a few pipelined connections. Each member has at most one request in
 * flight and all of its state lives on the event loop of its connection, so no member ever sends a stale epoch:
 * a FENCED_MEMBER_EPOCH or UNKNOWN_MEMBER_ID answer is the coordinator's doing.
 */
final class HeartbeatLoad {

    /** The consumer's {@code retry.backoff.ms} default. */
    private static final long RETRY_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_MS = 50;

    private final BrokerConnections broker;
    private final List<String> topics;
    private final int rebalanceTimeoutMs;
    private final Pacing pacing;
    private final HeartbeatStats stats = new HeartbeatStats();
    private final Consumer<SimulatedMember> onLeft;
    private final AtomicInteger nextConnection = new AtomicInteger();
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger joined = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong lastAssignmentNanos = new AtomicLong(System.nanoTime());
    /** The members still taking part, by identity; a member is removed once it has left or failed. */
    private final Map<SimulatedMember, DrivenMember> members = new ConcurrentHashMap<>();

    /**
     * @param onLeft called on the member's event loop once a member has left (its leave was answered)
     */
    HeartbeatLoad(BrokerConnections broker, List<String> topics, int rebalanceTimeoutMs, Pacing pacing,
                  Consumer<SimulatedMember> onLeft) {
        this.broker = broker;
        this.topics = List.copyOf(topics);
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.pacing = pacing;
        this.onLeft = onLeft;
    }

    /** One member and where it is driven from; its fields are touched only on its connection's event loop. */
    private static final class DrivenMember {
        private final SimulatedMember member;
        private final KafkaConnection connection;
        private long dueNanos;
        private boolean inFlight;
        private boolean everJoined;
        private boolean done;
        private ScheduledFuture<?> timer;

        private DrivenMember(SimulatedMember member, KafkaConnection connection) {
            this.member = member;
            this.connection = connection;
        }
    }

    /** Adds a member with a fresh client-generated id (as the consumer makes it) and sends its join. */
    SimulatedMember join(String groupId) {
        List<KafkaConnection> connections = broker.connections();
        KafkaConnection connection = connections.get(Math.floorMod(nextConnection.getAndIncrement(), connections.size()));
        String memberId = broker.heartbeatVersion() >= 1 ? Uuid.randomUuid().toString() : "";
        DrivenMember driven = new DrivenMember(new SimulatedMember(groupId, memberId, topics, rebalanceTimeoutMs),
                connection);
        members.put(driven.member, driven);
        live.incrementAndGet();
        connection.eventLoop().execute(() -> send(driven, System.nanoTime()));
        return driven.member;
    }

    /** Makes the member leave (epoch -1) as soon as it has no request in flight. */
    void leave(SimulatedMember member) {
        DrivenMember driven = members.get(member);
        if (driven != null) {
            driven.connection.eventLoop().execute(() -> requestLeave(driven));
        }
    }

    private void requestLeave(DrivenMember driven) {
        if (driven.done || driven.member.isLeaving()) {
            return;
        }
        driven.member.leave();
        if (!driven.inFlight) {
            if (driven.timer != null) {
                driven.timer.cancel(false);
            }
            send(driven, System.nanoTime());
        }
    }

    private void send(DrivenMember driven, long dueNanos) {
        if (driven.done) {
            return;
        }
        driven.timer = null;
        driven.dueNanos = dueNanos;
        driven.inFlight = true;
        ConsumerGroupHeartbeatRequestData request = driven.member.nextRequest();
        if (request.memberEpoch() == SimulatedMember.JOIN_EPOCH) {
            stats.recordJoin();
        }
        driven.connection.send(request, broker.heartbeatVersion())
                .whenComplete((response, failure) -> onResponse(driven, response, failure));
    }

    private void onResponse(DrivenMember driven, ApiMessage message, Throwable failure) {
        driven.inFlight = false;
        long now = System.nanoTime();
        if (failure != null) {
            stats.recordError(Errors.forException(failure));
            finish(driven, false);
            return;
        }
        ConsumerGroupHeartbeatResponseData response = (ConsumerGroupHeartbeatResponseData) message;
        Errors error = Errors.forCode(response.errorCode());
        if (error == Errors.NONE) {
            stats.recordSuccess(now - driven.dueNanos);
        } else {
            stats.recordError(error);
        }
        switch (driven.member.onResponse(response)) {
            case OK -> afterSuccess(driven, now);
            case LEFT -> {
                stats.recordLeave();
                finish(driven, true);
            }
            case FENCED -> send(driven, now);
            case RETRIABLE -> schedule(driven, now + RETRY_BACKOFF_NANOS, now);
            case FAILED -> finish(driven, false);
        }
    }

    private void afterSuccess(DrivenMember driven, long now) {
        if (!driven.everJoined) {
            driven.everJoined = true;
            joined.incrementAndGet();
            lastAssignmentNanos.set(now);
        }
        if (driven.member.isLeaving() || driven.member.hasUnacknowledgedAssignment()) {
            lastAssignmentNanos.set(now);
            send(driven, now);
            return;
        }
        schedule(driven, pacing.nextDueNanos(driven.dueNanos, now, driven.member), now);
    }

    private void schedule(DrivenMember driven, long dueNanos, long now) {
        if (dueNanos <= now) {
            send(driven, dueNanos);
        } else {
            driven.timer = driven.connection.eventLoop().schedule(() -> send(driven, dueNanos), dueNanos - now,
                    TimeUnit.NANOSECONDS);
        }
    }

    private void finish(DrivenMember driven, boolean left) {
        driven.done = true;
        members.remove(driven.member);
        live.decrementAndGet();
        if (left) {
            onLeft.accept(driven.member);
        } else {
            failed.incrementAndGet();
        }
    }

    /**
     * Waits until every member has joined and no member has received a new assignment for {@code quiet}: the
     * groups have settled, so what follows is steady-state heartbeating.
     *
     * @return false if that did not happen within {@code timeout}
     */
    boolean awaitSettled(int expectedMembers, Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allJoined = joined.get() >= expectedMembers;
            if (allJoined && System.nanoTime() - lastAssignmentNanos.get() >= quiet.toNanos()) {
                return true;
            }
            Thread.sleep(POLL_MS);
        }
        return false;
    }

    /** Makes every member leave and waits until they have, or until {@code timeout}. */
    boolean leaveAll(Duration timeout) throws InterruptedException {
        for (DrivenMember driven : members.values()) {
            driven.connection.eventLoop().execute(() -> requestLeave(driven));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (live.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL_MS);
        }
        return true;
    }

    HeartbeatStats stats() {
        return stats;
    }

    /** Members that stopped because of an error the consumer would not retry, or a broken connection. */
    int failedMembers() {
        return failed.get();
    }

    int liveMembers() {
        return live.get();
    }
}
