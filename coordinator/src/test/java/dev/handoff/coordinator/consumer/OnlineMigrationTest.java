package dev.handoff.coordinator.consumer;

import static dev.handoff.coordinator.consumer.MigrationTestContext.COOPERATIVE;
import static dev.handoff.coordinator.consumer.MigrationTestContext.GROUP;
import static dev.handoff.coordinator.consumer.MigrationTestContext.REBALANCE_TIMEOUT_MS;
import static dev.handoff.coordinator.consumer.MigrationTestContext.TOPIC;
import static dev.handoff.coordinator.consumer.MigrationTestContext.describeClassicGroup;
import static dev.handoff.coordinator.consumer.MigrationTestContext.describeConsumerGroup;
import static dev.handoff.coordinator.consumer.MigrationTestContext.partitionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.handoff.coordinator.Group;
import dev.handoff.coordinator.GroupCoordinatorShard;
import dev.handoff.coordinator.assignor.MemberAssignment;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

/**
 * Online migration between the classic and the consumer protocol (KIP-848, spec §17): a live classic group upgraded
 * member by member, served with members of both protocols, downgraded when the last consumer member leaves, the
 * refusal rules, and replay equivalence after every step.
 */
class OnlineMigrationTest {

    private static final int PARTITIONS = 6;

    private static final String RANGE = "range";

    private MigrationTestContext ctx = MigrationTestContext.create(Map.of());
    private Uuid topicId;
    /** What each simulated client believes: its generation or epoch, and the partitions it owns. */
    private final Map<String, Integer> epochs = new LinkedHashMap<>();
    private final Map<String, List<Integer>> owned = new LinkedHashMap<>();

    @Test
    void upgradesAClassicGroupMemberByMemberWithoutTakingKeptPartitions() {
        // Given
        List<String> classic = stableClassicGroup(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5)));
        List<String> consumers = new ArrayList<>();

        // When
        for (int i = 0; i < classic.size(); i++) {
            String consumer = "consumer-" + i;
            ConsumerGroupHeartbeatResponseData joined = ctx.consumerJoin(consumer, TOPIC);
            assertThat(Errors.forCode(joined.errorCode())).isEqualTo(Errors.NONE);
            epochs.put(consumer, joined.memberEpoch());
            owned.put(consumer, List.of());
            consumers.add(consumer);
            settle();
            assertReplayEquivalent();
            assertThat(ctx.classicLeave(classic.get(i)).members().get(0).errorCode()).isEqualTo(Errors.NONE.code());
            epochs.remove(classic.get(i));
            owned.remove(classic.get(i));
            settle();
            assertReplayEquivalent();
        }

        // Then
        ConsumerGroup group = ctx.consumerGroup().orElseThrow();
        assertThat(group.members()).containsOnlyKeys(consumers);
        assertThat(group.state()).isEqualTo(ConsumerGroupState.STABLE);
        assertThat(ownedByClients()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void staticClassicMemberRejoiningWithoutItsMemberIdTakesOverItsTargetWithoutARebalance() {
        // Given
        topicId = ctx.createTopic(TOPIC, PARTITIONS);
        assertThat(Errors.forCode(ctx.consumerJoin("consumer-0", TOPIC).errorCode())).isEqualTo(Errors.NONE);
        JoinGroupResponseData first = ctx.classicJoin("", COOPERATIVE, -1, List.of(), "instance-1").response();
        assertThat(Errors.forCode(first.errorCode())).isEqualTo(Errors.NONE);
        ConsumerGroup before = ctx.consumerGroup().orElseThrow();
        int groupEpoch = before.groupEpoch();
        MemberAssignment target = before.targetAssignment(first.memberId());
        assertThat(target.partitions(topicId).toArray()).isNotEmpty();

        // When
        JoinGroupResponseData second = ctx.classicJoin("", COOPERATIVE, -1, List.of(), "instance-1").response();

        // Then
        assertThat(Errors.forCode(second.errorCode())).isEqualTo(Errors.NONE);
        assertThat(second.memberId()).isNotEqualTo(first.memberId());
        ConsumerGroup after = ctx.consumerGroup().orElseThrow();
        assertThat(after.member(first.memberId())).isEmpty();
        assertThat(after.member(second.memberId()).orElseThrow().instanceId()).contains("instance-1");
        assertThat(after.targetAssignment(second.memberId())).isEqualTo(target);
        assertThat(after.groupEpoch()).isEqualTo(groupEpoch);
        assertReplayEquivalent();
    }

    @Test
    void firstConsumerJoinConvertsTheClassicGroupKeepingEveryAssignment() {
        // Given
        List<String> classic = stableClassicGroup(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5)));

        // When
        ConsumerGroupHeartbeatResponseData joined = ctx.consumerJoin("consumer-0", TOPIC);

        // Then
        assertThat(Errors.forCode(joined.errorCode())).isEqualTo(Errors.NONE);
        ConsumerGroup group = ctx.consumerGroup().orElseThrow();
        assertThat(group.groupEpoch()).isEqualTo(2);
        assertThat(group.member(classic.get(0)).orElseThrow().usesClassicProtocol()).isTrue();
        assertThat(MigrationTestContext.assignedTo(group.member(classic.get(0)).orElseThrow()))
            .containsExactly(Map.entry(topicId, List.of(0, 1)));
        assertThat(MigrationTestContext.assignedTo(group.member(classic.get(2)).orElseThrow()))
            .containsExactly(Map.entry(topicId, List.of(4, 5)));
        assertThat(group.member(classic.get(1)).orElseThrow().memberEpoch()).isEqualTo(1);
        assertThat(ctx.classicHeartbeat(classic.get(1), 1)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
        assertReplayEquivalent();
    }

    @Test
    void describeTellsClassicMembersFromConsumerMembersDuringTheUpgrade() {
        // Given
        List<String> classic = stableClassicGroup(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));
        ctx.consumerJoin("consumer-0", TOPIC);

        // When
        var described = describeConsumerGroup(ctx.shard());

        // Then
        assertThat(described.members())
            .extracting(ConsumerGroupDescribeResponseData.Member::memberId,
                ConsumerGroupDescribeResponseData.Member::memberType)
            .containsExactlyInAnyOrder(
                tuple(classic.get(0), (byte) 0),
                tuple(classic.get(1), (byte) 0),
                tuple("consumer-0", (byte) 1));
    }

    @Test
    void downgradesToClassicWhenTheLastConsumerMemberLeaves() {
        // Given
        List<String> classic = settledMixedGroup();
        int groupEpoch = ctx.consumerGroup().orElseThrow().groupEpoch();

        // When
        ctx.consumerLeave("consumer-0");

        // Then
        Group group = ctx.shard().group(GROUP).orElseThrow();
        assertThat(group.type()).isEqualTo(GroupType.CLASSIC);
        var described = describeClassicGroup(ctx.shard());
        assertThat(described.groupState()).isEqualTo("PreparingRebalance");
        assertThat(described.protocolType()).isEqualTo("consumer");
        assertThat(described.members()).extracting(m -> m.memberId())
            .containsExactlyInAnyOrderElementsOf(classic);
        assertThat(ctx.classicHeartbeat(classic.get(0), groupEpoch)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void classicMembersAreCountedAsTheyLeaveAndAfterReplay() {
        // Given
        List<String> classic = settledMixedGroup();

        // When
        ctx.classicLeave(classic.get(0));

        // Then
        ConsumerGroup group = ctx.consumerGroup().orElseThrow();
        assertThat(group.members().keySet()).containsExactlyInAnyOrder(classic.get(1), "consumer-0");
        assertThat(group.classicMemberCount()).isEqualTo(1);
        ConsumerGroup replayed = (ConsumerGroup) ctx.replayIntoFreshShard().group(GROUP).orElseThrow();
        assertThat(replayed.classicMemberCount()).isEqualTo(1);
    }

    @Test
    void downgradedGroupReplaysToTheSameClassicGroupWithTheTargetAssignment() {
        // Given
        List<String> classic = settledMixedGroup();
        ctx.consumerLeave("consumer-0");

        // When
        GroupCoordinatorShard restarted = ctx.replayIntoFreshShard();

        // Then
        var replayed = describeClassicGroup(restarted);
        assertThat(replayed).usingRecursiveComparison()
            .ignoringFields("groupState", "protocolData", "members.memberMetadata", "members.memberAssignment")
            .isEqualTo(describeClassicGroup(ctx.shard()));
        assertThat(replayed.groupState()).isEqualTo("Stable");
        assertThat(replayed.protocolData()).isEqualTo(COOPERATIVE);
        for (var member : replayed.members()) {
            assertThat(partitionsOf(member.memberAssignment())).isEqualTo(owned.get(member.memberId()));
        }
        assertThat(classic).allMatch(m -> !owned.get(m).isEmpty());
    }

    @Test
    void classicMembersRejoinTheDowngradedGroupAsANewGeneration() {
        // Given
        List<String> classic = settledMixedGroup();
        ctx.consumerLeave("consumer-0");
        int generation = describeClassicGroupGeneration();

        // When
        classic.forEach(m -> ctx.classicJoin(m, COOPERATIVE, generation, owned.get(m)));

        // Then
        JoinGroupResponseData join = ctx.takeJoinResponse(classic.get(0)).orElseThrow();
        assertThat(Errors.forCode(join.errorCode())).isEqualTo(Errors.NONE);
        assertThat(join.generationId()).isEqualTo(generation + 1);
        assertThat(ctx.takeJoinResponse(classic.get(1)).orElseThrow().generationId()).isEqualTo(generation + 1);
    }

    @Test
    void upgradeIsRefusedWhenThePolicyDoesNotAllowIt() {
        // Given
        ctx = MigrationTestContext.create(Map.of("group.consumer.migration.policy", "DOWNGRADE"));
        stableClassicGroup(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.consumerJoin("consumer-0", TOPIC);

        // Then
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.GROUP_ID_NOT_FOUND);
        assertThat(response.errorMessage()).contains("group.consumer.migration.policy is downgrade");
        assertThat(ctx.lastRecords()).isEmpty();
        assertThat(ctx.shard().group(GROUP).orElseThrow().type()).isEqualTo(GroupType.CLASSIC);
    }

    @Test
    void upgradeIsRefusedWhenACustomAssignorSendsUserData() {
        // Given
        String leader = ctx.newClassicMember();
        topicId = ctx.createTopic(TOPIC, PARTITIONS);
        completeJoin();
        ctx.classicSync(leader, 1, Map.of(leader, List.of(0, 1, 2, 3, 4, 5)),
            java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.consumerJoin("consumer-0", TOPIC);

        // Then
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.GROUP_ID_NOT_FOUND);
        assertThat(response.errorMessage()).contains("custom assignor");
        assertThat(ctx.shard().group(GROUP).orElseThrow().type()).isEqualTo(GroupType.CLASSIC);
    }

    @Test
    void upgradeIsRefusedWhenTheClassicGroupIsLargerThanTheConsumerGroupMaxSize() {
        // Given
        ctx = MigrationTestContext.create(Map.of("group.consumer.max.size", "2"));
        stableClassicGroup(List.of(List.of(0, 1), List.of(2, 3), List.of(4, 5)));

        // When
        ConsumerGroupHeartbeatResponseData response = ctx.consumerJoin("consumer-0", TOPIC);

        // Then
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.GROUP_ID_NOT_FOUND);
        assertThat(response.errorMessage()).contains("group.consumer.max.size (2)");
    }

    @Test
    void groupStaysAConsumerGroupWhenThePolicyForbidsDowngrades() {
        // Given
        ctx = MigrationTestContext.create(Map.of("group.consumer.migration.policy", "upgrade"));
        stableClassicGroup(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));
        ctx.consumerJoin("consumer-0", TOPIC);

        // When
        ctx.consumerLeave("consumer-0");

        // Then
        ConsumerGroup group = ctx.consumerGroup().orElseThrow();
        assertThat(group.members()).hasSize(2);
        assertThat(group.members().values()).allMatch(ConsumerGroupMember::usesClassicProtocol);
    }

    @Test
    void groupStaysAConsumerGroupWhenTheClassicMembersExceedTheClassicMaxSize() {
        // Given
        ctx = MigrationTestContext.create(Map.of("group.max.size", "1"));
        String first = stableClassicGroup(List.of(List.of(0, 1, 2, 3, 4, 5))).get(0);
        ctx.consumerJoin("consumer-0", TOPIC);
        JoinGroupResponseData second = ctx.classicJoin("", COOPERATIVE, -1, List.of()).response();
        ctx.classicJoin(second.memberId(), COOPERATIVE, -1, List.of());

        // When
        ctx.consumerLeave("consumer-0");

        // Then
        assertThat(ctx.consumerGroup().orElseThrow().members()).containsOnlyKeys(first, second.memberId());
    }

    @Test
    void classicJoinNeedsAProtocolEveryOtherClassicMemberOffersAlsoAfterReplay() {
        // Given
        topicId = ctx.createTopic(TOPIC, PARTITIONS);
        ctx.consumerJoin("consumer-0", TOPIC);
        String first = classicMemberOffering(COOPERATIVE);
        String second = classicMemberOffering(COOPERATIVE);

        // When
        JoinGroupResponseData rangeOnly = ctx.classicJoin(ctx.classicJoin("", RANGE, -1, List.of()).response()
            .memberId(), RANGE, -1, List.of()).response();
        JoinGroupResponseData rejoin = ctx.classicJoin(first, COOPERATIVE, -1, List.of()).response();

        // Then
        assertThat(Errors.forCode(rangeOnly.errorCode())).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
        assertThat(Errors.forCode(rejoin.errorCode())).isEqualTo(Errors.NONE);
        ConsumerGroup replayed = (ConsumerGroup) ctx.replayIntoFreshShard().group(GROUP).orElseThrow();
        assertThat(replayed.classicMembersOffering(COOPERATIVE)).isEqualTo(2);
        assertThat(replayed.classicMembersOffering(RANGE)).isZero();
        ctx.classicLeave(first);
        ctx.classicLeave(second);
        String third = classicMemberOffering(RANGE);
        assertThat(ctx.consumerGroup().orElseThrow().member(third)).isPresent();
        assertThat(ctx.consumerGroup().orElseThrow().classicMembersOffering(COOPERATIVE)).isZero();
    }

    @Test
    void classicJoinToAConsumerGroupIsRefusedWhenMigrationIsDisabled() {
        // Given
        ctx = MigrationTestContext.create(Map.of("group.consumer.migration.policy", "disabled"));
        topicId = ctx.createTopic(TOPIC, PARTITIONS);
        ctx.consumerJoin("consumer-0", TOPIC);

        // When
        JoinGroupResponseData response = ctx.classicJoin("", COOPERATIVE, -1, List.of()).response();

        // Then
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void classicMemberThatDoesNotRejoinIsRemovedAfterItsRebalanceTimeout() {
        // Given
        List<String> classic = stableClassicGroup(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));
        ctx.consumerJoin("consumer-0", TOPIC);
        epochs.put("consumer-0", 2);
        owned.put("consumer-0", List.of());
        assertThat(ctx.classicHeartbeat(classic.get(0), 1)).isEqualTo(Errors.REBALANCE_IN_PROGRESS);

        // When
        for (int waited = 0; waited < REBALANCE_TIMEOUT_MS; waited += 10_000) {
            ctx.sleep(10_000);
            ctx.classicHeartbeat(classic.get(0), 1);
            classicTurn(classic.get(1));
            consumerTurn("consumer-0");
        }

        // Then
        assertThat(ctx.consumerGroup().orElseThrow().members()).containsOnlyKeys(classic.get(1), "consumer-0");
    }

    // ---- simulated clients ---------------------------------------------------------------------------------

    /**
     * A Stable classic group at generation 1 whose leader assigned {@code assignments} (one list per member), with
     * the topic created.
     */
    private List<String> stableClassicGroup(List<List<Integer>> assignments) {
        topicId = ctx.createTopic(TOPIC, PARTITIONS);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            members.add(ctx.newClassicMember());
        }
        JoinGroupResponseData leaderJoin = completeJoin();
        Map<String, List<Integer>> byMember = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            byMember.put(members.get(i), assignments.get(i));
            epochs.put(members.get(i), 1);
            owned.put(members.get(i), assignments.get(i));
        }
        ctx.classicSync(leaderJoin.leader(), 1, byMember);
        members.stream().filter(m -> !m.equals(leaderJoin.leader())).forEach(m -> ctx.classicSync(m, 1, Map.of()));
        return members;
    }

    /**
     * Two classic members (partitions 0-2 and 3-5) and then consumer-0, settled into one consumer group.
     *
     * @return the classic members' ids
     */
    private List<String> settledMixedGroup() {
        List<String> classic = stableClassicGroup(List.of(List.of(0, 1, 2), List.of(3, 4, 5)));
        ctx.consumerJoin("consumer-0", TOPIC);
        epochs.put("consumer-0", 2);
        owned.put("consumer-0", List.of());
        settle();
        return classic;
    }

    /** Fires the initial rebalance delay until the join phase completes; @return the leader's join response. */
    private JoinGroupResponseData completeJoin() {
        ctx.sleep(1);
        ctx.sleep(1);
        String leader = describeClassicGroup(ctx.shard()).members().get(0).memberId();
        JoinGroupResponseData join = ctx.takeJoinResponse(leader).orElseThrow();
        return ctx.takeJoinResponse(join.leader()).orElse(join);
    }

    private int describeClassicGroupGeneration() {
        return ((dev.handoff.coordinator.classic.ClassicGroup) ctx.shard().group(GROUP).orElseThrow()).generationId();
    }

    /** A dynamic classic member's KIP-394 round trip into the consumer group, offering one protocol. */
    private String classicMemberOffering(String protocol) {
        String memberId = ctx.classicJoin("", protocol, -1, List.of()).response().memberId();
        JoinGroupResponseData joined = ctx.classicJoin(memberId, protocol, -1, List.of()).response();
        assertThat(Errors.forCode(joined.errorCode())).isEqualTo(Errors.NONE);
        return memberId;
    }

    /** Every client takes a few turns: classic clients heartbeat and rejoin as told, consumers acknowledge. */
    private void settle() {
        for (int round = 0; round < 4; round++) {
            for (String member : List.copyOf(epochs.keySet())) {
                boolean classicMember = ctx.consumerGroup().orElseThrow().member(member).orElseThrow()
                    .usesClassicProtocol();
                if (classicMember) {
                    classicTurn(member);
                } else {
                    consumerTurn(member);
                }
            }
        }
    }

    /**
     * A cooperative classic client: on REBALANCE_IN_PROGRESS it rejoins reporting what it owns, syncs, gives up
     * what its new assignment lacks and rejoins again. Checks that it never loses a partition it keeps.
     */
    private void classicTurn(String memberId) {
        if (ctx.classicHeartbeat(memberId, epochs.get(memberId)) == Errors.NONE) {
            return;
        }
        for (int rejoin = 0; rejoin < 3; rejoin++) {
            JoinGroupResponseData join = ctx.classicJoin(memberId, COOPERATIVE, epochs.get(memberId),
                owned.get(memberId)).response();
            assertThat(Errors.forCode(join.errorCode())).isEqualTo(Errors.NONE);
            epochs.put(memberId, join.generationId());
            SyncGroupResponseData sync = ctx.classicSync(memberId, join.generationId(), Map.of()).response();
            assertThat(Errors.forCode(sync.errorCode())).isEqualTo(Errors.NONE);
            List<Integer> assigned = partitionsOf(sync.assignment());
            List<Integer> target = ctx.consumerGroup().orElseThrow().targetAssignment(memberId)
                .partitions(topicId).toArray().length == 0 ? List.of()
                : toList(ctx.consumerGroup().orElseThrow().targetAssignment(memberId).partitions(topicId).toArray());
            List<Integer> kept = owned.get(memberId).stream().filter(target::contains).toList();
            assertThat(assigned).as("partitions %s keeps", memberId).containsAll(kept);
            boolean revoked = !assigned.containsAll(owned.get(memberId));
            owned.put(memberId, assigned);
            if (!revoked) {
                return;
            }
        }
    }

    private void consumerTurn(String memberId) {
        ConsumerGroupHeartbeatResponseData response = ctx.consumerHeartbeat(new ConsumerGroupHeartbeatRequestData()
            .setGroupId(GROUP)
            .setMemberId(memberId)
            .setMemberEpoch(epochs.get(memberId))
            .setTopicPartitions(List.of(new ConsumerGroupHeartbeatRequestData.TopicPartitions()
                .setTopicId(topicId).setPartitions(owned.get(memberId)))));
        assertThat(Errors.forCode(response.errorCode())).isEqualTo(Errors.NONE);
        epochs.put(memberId, response.memberEpoch());
        if (response.assignment() != null) {
            owned.put(memberId, response.assignment().topicPartitions().stream()
                .filter(t -> t.topicId().equals(topicId)).flatMap(t -> t.partitions().stream()).sorted().toList());
        }
    }

    private List<Integer> ownedByClients() {
        List<Integer> all = new ArrayList<>();
        owned.values().forEach(all::addAll);
        assertThat(all).doesNotHaveDuplicates();
        return List.copyOf(new TreeSet<>(all));
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int value : values) {
            list.add(value);
        }
        return list;
    }

    private void assertReplayEquivalent() {
        GroupCoordinatorShard fresh = ctx.replayIntoFreshShard();
        assertThat(describeConsumerGroup(fresh)).isEqualTo(describeConsumerGroup(ctx.shard()));
    }
}
