package dev.handoff.coordinator.recorder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.handoff.coordinator.GroupRegistry;
import dev.handoff.coordinator.classic.ClassicGroup;
import dev.handoff.coordinator.classic.ClassicGroupState;
import org.apache.kafka.common.message.DescribeGroupsResponseData;

/**
 * Follows classic groups through their generations. Their join and sync phases change memory only (records are
 * written when a generation settles), so this tracker looks at the group after each operation on it and compares
 * state, generation and members with what it saw last. A stable group heartbeating costs one map lookup.
 */
final class ClassicGroupTracker {

    /** What the tracker last saw of a group, and when its current phase began. */
    private record Seen(ClassicGroupState state, int generation, Map<String, String> members, long phaseStartMs) {
    }

    private static final String JOIN_TIMER = "classic-join:";
    private static final String SYNC_TIMER = "classic-sync:";
    private static final String SESSION_TIMER = "classic-session:";

    private final FlightRecorder recorder;
    private final Map<String, Seen> seen = new HashMap<>();

    ClassicGroupTracker(FlightRecorder recorder) {
        this.recorder = recorder;
    }

    void afterOperation(OperationContext context, GroupRegistry groups) {
        groupIdOf(context.trigger, groups).ifPresent(groupId -> observe(groupId, context, groups));
    }

    /** The classic group an operation was about: the request's group, or the one named in a timer key. */
    private static Optional<String> groupIdOf(Trigger trigger, GroupRegistry groups) {
        return switch (trigger.kind()) {
            case JOIN_GROUP, SYNC_GROUP, HEARTBEAT, LEAVE_GROUP -> Optional.ofNullable(trigger.subject());
            case TIMER -> timerGroupId(trigger, groups);
            default -> Optional.empty();
        };
    }

    private static Optional<String> timerGroupId(Trigger trigger, GroupRegistry groups) {
        String key = trigger.subject();
        if (trigger.isTimer(JOIN_TIMER)) {
            return Optional.of(key.substring(JOIN_TIMER.length()));
        }
        if (trigger.isTimer(SYNC_TIMER)) {
            return Optional.of(key.substring(SYNC_TIMER.length()));
        }
        if (trigger.isTimer(SESSION_TIMER)) {
            // "classic-session:<group>:<member>": both may contain ':'; the group is the prefix that exists.
            String rest = key.substring(SESSION_TIMER.length());
            for (int i = rest.indexOf(':'); i >= 0; i = rest.indexOf(':', i + 1)) {
                String candidate = rest.substring(0, i);
                if (groups.get(candidate, ClassicGroup.class).isPresent()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private void observe(String groupId, OperationContext context, GroupRegistry groups) {
        Optional<ClassicGroup> found = groups.get(groupId, ClassicGroup.class);
        Seen before = seen.get(groupId);
        if (found.isEmpty()) {
            seen.remove(groupId);
            return;
        }
        ClassicGroup group = found.get();
        if (before != null && before.state() == group.state() && before.generation() == group.generationId()
            && (group.state() == ClassicGroupState.STABLE || group.state() == ClassicGroupState.EMPTY)) {
            return;
        }
        Map<String, String> members = new LinkedHashMap<>();
        for (DescribeGroupsResponseData.DescribedGroupMember member : group.describe().members()) {
            members.put(member.memberId(), member.clientId() + " @ " + member.clientHost()
                + (member.groupInstanceId() == null ? "" : " instance " + member.groupInstanceId()));
        }
        if (before == null) {
            if (group.generationId() > 0 && group.state() == ClassicGroupState.STABLE) {
                // Loaded from the log: what happened before the restart is not news.
                seen.put(groupId, new Seen(group.state(), group.generationId(), members, context.nowMs));
                return;
            }
            before = new Seen(ClassicGroupState.EMPTY, group.generationId(), Map.of(), context.nowMs);
        }
        reportMembers(groupId, before.members(), members, context);
        seen.put(groupId, new Seen(group.state(), group.generationId(), members,
            reportPhases(groupId, before, group, members.size(), context)));
    }

    private void reportMembers(String groupId, Map<String, String> before, Map<String, String> now,
                               OperationContext context) {
        now.forEach((memberId, client) -> {
            if (!before.containsKey(memberId)) {
                recorder.event(context, groupId, EventType.MEMBER_JOINED, Cause.JOIN).member(memberId)
                    .detail(client).emit();
            }
        });
        before.keySet().forEach(memberId -> {
            if (!now.containsKey(memberId)) {
                recorder.event(context, groupId,
                        context.removalIsFencing() ? EventType.MEMBER_FENCED : EventType.MEMBER_LEFT,
                        context.removalCause())
                    .member(memberId).emit();
            }
        });
    }

    /** @return when the group's current phase began */
    private long reportPhases(String groupId, Seen before, ClassicGroup group, int memberCount,
                              OperationContext context) {
        long phaseStartMs = before.phaseStartMs();
        ClassicGroupState state = group.state();
        if (group.generationId() > before.generation()) {
            if (before.state() != ClassicGroupState.PREPARING_REBALANCE) {
                // The join phase began and ended within one operation.
                recorder.event(context, groupId, EventType.CLASSIC_REBALANCE_STARTED, rebalanceCause(context))
                    .epoch(before.generation()).emit();
                phaseStartMs = context.nowMs;
            }
            recorder.event(context, groupId, EventType.CLASSIC_JOIN_COMPLETED, Cause.JOIN)
                .epoch(group.generationId()).count(memberCount).durationMs(context.nowMs - phaseStartMs).emit();
            phaseStartMs = context.nowMs;
        }
        if (state == ClassicGroupState.PREPARING_REBALANCE && before.state() != state) {
            recorder.event(context, groupId, EventType.CLASSIC_REBALANCE_STARTED, rebalanceCause(context))
                .epoch(group.generationId()).emit();
            phaseStartMs = context.nowMs;
        }
        if (state == ClassicGroupState.STABLE && before.state() != state) {
            recorder.event(context, groupId, EventType.CLASSIC_SYNC_COMPLETED, Cause.RECONCILIATION)
                .epoch(group.generationId()).durationMs(context.nowMs - phaseStartMs).emit();
            phaseStartMs = context.nowMs;
        }
        return phaseStartMs;
    }

    private static Cause rebalanceCause(OperationContext context) {
        return switch (context.trigger.kind()) {
            case JOIN_GROUP -> Cause.JOIN;
            case LEAVE_GROUP -> Cause.LEAVE;
            case TIMER -> context.removalCause();
            default -> Cause.UNKNOWN;
        };
    }
}
