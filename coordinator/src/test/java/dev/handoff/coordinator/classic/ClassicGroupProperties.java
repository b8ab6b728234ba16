package dev.handoff.coordinator.classic;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.joinRequest;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.syncRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.GroupCoordinatorTestContext;
import dev.handoff.coordinator.record.ClassicGroupRecord;
import dev.handoff.coordinator.record.ClassicGroupValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.common.message.LeaveGroupRequestData;

/**
 * Random traffic against one classic group (joins, rejoins with new subscriptions, syncs, heartbeats, leaves,
 * silence), checking invariants after every step and a restart by replay at the end. A failing seed reproduces
 * the run exactly.
 */
class ClassicGroupProperties {

    private static final String GROUP = "g";
    private static final List<List<String>> SUBSCRIPTIONS = List.of(List.of("a"), List.of("a", "b"));

    @Property(tries = 60)
    void invariantsHoldUnderRandomTraffic(@ForAll long seed) {
        Random random = new Random(seed);
        GroupCoordinatorTestContext ctx = GroupCoordinatorTestContext.create();
        int lastGeneration = 0;
        for (int step = 0; step < 150; step++) {
            act(ctx, random);
            Optional<ClassicGroup> group = group(ctx.shard());
            Statistics.label("state after a step").collect(group.map(ClassicGroup::stateName).orElse("absent"));
            if (group.isPresent()) {
                checkInvariants(ctx, group.get());
                assertThat(group.get().generationId()).isGreaterThanOrEqualTo(lastGeneration);
                lastGeneration = group.get().generationId();
            }
        }
        group(ctx.shard()).filter(ClassicGroupProperties::isPersistedState).ifPresent(live ->
            assertThat(group(ctx.replayIntoFreshShard()).map(ClassicGroup::toValue)).contains(live.toValue()));
    }

    private static void act(GroupCoordinatorTestContext ctx, Random random) {
        List<String> members = group(ctx.shard()).map(g -> g.members().stream().map(ClassicGroupMember::memberId)
            .toList()).orElse(List.of());
        String someone = members.isEmpty() ? null : members.get(random.nextInt(members.size()));
        int generation = group(ctx.shard()).map(ClassicGroup::generationId).orElse(0);
        List<String> topics = SUBSCRIPTIONS.get(random.nextInt(SUBSCRIPTIONS.size()));
        switch (random.nextInt(7)) {
            case 0 -> {
                String issued = ctx.joinGroup(joinRequest(GROUP, "", topics)).response().memberId();
                ctx.joinGroup(joinRequest(GROUP, issued, topics));
            }
            case 1 -> {
                if (someone != null) {
                    ctx.joinGroup(joinRequest(GROUP, someone, topics));
                }
            }
            case 2 -> {
                if (someone != null) {
                    Map<String, byte[]> assignments = new LinkedHashMap<>();
                    members.forEach(m -> assignments.put(m, GroupCoordinatorTestContext.assignment()));
                    ctx.syncGroup(syncRequest(GROUP, someone, generation, assignments));
                }
            }
            case 3 -> {
                if (someone != null) {
                    ctx.heartbeat(GROUP, someone, generation);
                }
            }
            case 4 -> {
                if (someone != null && random.nextInt(3) == 0) {
                    ctx.leaveGroup(GROUP, new LeaveGroupRequestData.MemberIdentity().setMemberId(someone));
                }
            }
            default -> ctx.sleep(random.nextInt(20_000));
        }
    }

    private static void checkInvariants(GroupCoordinatorTestContext ctx, ClassicGroup group) {
        assertThat(group.numAwaitingJoin()).as("parked joins counted")
            .isEqualTo(group.members().stream().filter(ClassicGroupMember::isAwaitingJoin).count());
        if (group.size() == 0) {
            assertThat(group.leaderOrNull()).isNull();
        } else {
            assertThat(group.hasMember(group.leaderOrNull())).as("leader is a member").isTrue();
        }
        if (group.isInState(ClassicGroupState.STABLE)) {
            assertThat(group.members()).noneMatch(m -> m.isAwaitingJoin() || m.isAwaitingSync());
            assertThat(group.protocolName()).isPresent();
        }
        if (isPersistedState(group)) {
            assertThat(lastRecord(ctx)).as("the log holds what the group is").contains(group.toValue());
        }
        if (group.isInState(ClassicGroupState.EMPTY)) {
            assertThat(group.protocolName()).isEmpty();
        }
    }

    /** A Stable group, or an Empty one that has completed a generation, is exactly what its last record says. */
    private static boolean isPersistedState(ClassicGroup group) {
        return group.isInState(ClassicGroupState.STABLE)
            || (group.isInState(ClassicGroupState.EMPTY) && group.generationId() > 0);
    }

    private static Optional<ClassicGroupValue> lastRecord(GroupCoordinatorTestContext ctx) {
        List<ClassicGroupValue> values = new ArrayList<>();
        ctx.log.readAll(record -> {
            if (record instanceof ClassicGroupRecord classic && classic.groupId().equals(GROUP)) {
                values.add(classic.value());
            }
        });
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(values.size() - 1));
    }

    private static Optional<ClassicGroup> group(GroupCoordinatorShard shard) {
        return shard.group(GROUP).filter(ClassicGroup.class::isInstance).map(ClassicGroup.class::cast);
    }
}
