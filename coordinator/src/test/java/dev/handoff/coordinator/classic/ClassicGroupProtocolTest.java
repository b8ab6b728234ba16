package dev.handoff.coordinator.classic;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.REBALANCE_TIMEOUT_MS;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.SESSION_TIMEOUT_MS;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.assignment;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.joinRequest;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.protocol;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.syncRequest;
import static dev.handoff.testsupport.ErrorCodeAssert.assertThatErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorTestContext;
import dev.handoff.coordinator.record.ClassicGroupRecord;
import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.testsupport.ManualClock;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class ClassicGroupProtocolTest {

    private static final String GROUP = "orders";
    private static final List<String> TOPICS = List.of("payments");
    private static final int INITIAL_DELAY_MS = 3_000;

    private final GroupCoordinatorTestContext ctx = GroupCoordinatorTestContext.create();

    @Test
    void dynamicMemberMustComeBackWithTheIssuedMemberId() {
        // When
        JoinGroupResponseData response = ctx.joinGroup(joinRequest(GROUP, "", TOPICS)).response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.MEMBER_ID_REQUIRED);
        assertThat(response.memberId()).isEqualTo("client-1");
        assertThat(response.generationId()).isEqualTo(-1);
        assertThat(group().size()).isZero();
        assertThat(group().isPendingMember("client-1")).isTrue();
    }

    @Test
    void joinGroupBeforeVersion4AddsTheMemberDirectly() {
        // When
        Result<CoordinatorRecord, JoinGroupResponseData> result = ctx.joinGroup(joinRequest(GROUP, "", TOPICS),
            (short) 3);

        // Then
        assertThat(result.isParked()).isTrue();
        assertThat(group().hasMember("client-1")).isTrue();
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
    }

    @Test
    void pendingMemberThatNeverReturnsIsForgottenAfterItsSessionTimeout() {
        // Given
        ctx.joinGroup(joinRequest(GROUP, "", TOPICS));

        // When
        ctx.sleep(SESSION_TIMEOUT_MS);

        // Then
        assertThat(group().isPendingMember("client-1")).isFalse();
        assertThat(ctx.joinGroup(joinRequest(GROUP, "client-1", TOPICS)).response().errorCode())
            .isEqualTo(Errors.UNKNOWN_MEMBER_ID.code());
    }

    @Test
    void joinStormEndsInOneGenerationAndEveryMemberGetsTheLeadersAssignment() {
        // Given
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(ctx.joinDynamicMember(GROUP, TOPICS));
        }
        completeInitialRebalance();
        Map<String, JoinGroupResponseData> joins = takeJoinResponses(members);
        String leader = joins.get(members.get(0)).leader();
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            assignments.put(members.get(i), assignment(new TopicPartition("payments", i)));
        }
        members.stream().filter(m -> !m.equals(leader))
            .forEach(m -> ctx.syncGroup(syncRequest(GROUP, m, 1, Map.of())));

        // When
        ctx.syncGroup(syncRequest(GROUP, leader, 1, assignments));

        // Then
        assertThat(joins.values()).allSatisfy(join -> {
            assertThatErrorCode(join.errorCode()).isNone();
            assertThat(join.generationId()).isEqualTo(1);
            assertThat(join.protocolName()).isEqualTo("range");
            assertThat(join.leader()).isEqualTo(leader);
        });
        assertThat(joins.get(leader).members()).hasSize(5);
        assertThat(joins.entrySet()).filteredOn(e -> !e.getKey().equals(leader))
            .allSatisfy(e -> assertThat(e.getValue().members()).isEmpty());
        for (String member : members) {
            SyncGroupResponseData sync = ctx.takeSyncResponse(GROUP, member).orElseThrow();
            assertThatErrorCode(sync.errorCode()).isNone();
            assertThat(sync.assignment()).isEqualTo(assignments.get(member));
        }
        assertThat(group().state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(ctx.lastRecords()).singleElement().isInstanceOfSatisfying(ClassicGroupRecord.class,
            record -> assertThat(record.value().members()).hasSize(5));
    }

    @Test
    void initialRebalanceWaitsAnotherDelayWhileMembersKeepArriving() {
        // Given
        String first = ctx.joinDynamicMember(GROUP, TOPICS);
        ctx.sleep(INITIAL_DELAY_MS - 1);
        String second = ctx.joinDynamicMember(GROUP, TOPICS);

        // When
        ctx.sleep(1);

        // Then
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(ctx.takeJoinResponse(GROUP, first)).isEmpty();
        ctx.sleep(INITIAL_DELAY_MS);
        assertThat(group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
        assertThat(ctx.takeJoinResponse(GROUP, second)).isPresent();
    }

    @Test
    void memberThatKeepsHeartbeatingButNeverRejoinsIsRemovedAtTheRebalanceTimeout() {
        // Given
        List<String> members = stableGroup(2);
        String leader = members.get(0);
        String laggard = members.get(1);
        ctx.joinGroup(joinRequest(GROUP, leader, TOPICS));
        for (int elapsed = 0; elapsed < REBALANCE_TIMEOUT_MS - 10_000; elapsed += 10_000) {
            ctx.sleep(10_000);
            assertThatErrorCode(ctx.heartbeat(GROUP, laggard, 1).errorCode()).is(Errors.REBALANCE_IN_PROGRESS);
        }

        // When
        ctx.sleep(10_000);

        // Then
        assertThat(group().hasMember(laggard)).isFalse();
        assertThat(group().generationId()).isEqualTo(2);
        assertThat(ctx.takeJoinResponse(GROUP, leader).orElseThrow().members()).hasSize(1);
        assertThatErrorCode(ctx.heartbeat(GROUP, laggard, 1).errorCode()).is(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void eagerRebalanceWaitsForEveryMemberToRejoin() {
        // Given
        List<String> members = stableGroup(3);

        // When
        ctx.joinGroup(joinRequest(GROUP, members.get(0), TOPICS));
        ctx.joinGroup(joinRequest(GROUP, members.get(1), TOPICS));

        // Then
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThat(takeJoinResponses(members)).isEmpty();
        ctx.joinGroup(joinRequest(GROUP, members.get(2), TOPICS));
        assertThat(takeJoinResponses(members)).hasSize(3)
            .allSatisfy((member, join) -> assertThat(join.generationId()).isEqualTo(2));
    }

    @Test
    void memberWhoseSessionExpiresIsRemovedAndTheGroupRebalances() {
        // Given
        List<String> members = stableGroup(2);
        ctx.sleep(SESSION_TIMEOUT_MS / 2);
        ctx.heartbeat(GROUP, members.get(0), 1);

        // When
        ctx.sleep(SESSION_TIMEOUT_MS / 2);

        // Then
        assertThat(group().hasMember(members.get(1))).isFalse();
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        assertThatErrorCode(ctx.heartbeat(GROUP, members.get(0), 1).errorCode()).is(Errors.REBALANCE_IN_PROGRESS);
        ctx.joinGroup(joinRequest(GROUP, members.get(0), TOPICS));
        assertThat(ctx.takeJoinResponse(GROUP, members.get(0)).orElseThrow().generationId()).isEqualTo(2);
    }

    @Test
    void sessionsExpiringTogetherEndInOneRebalanceOfTheSurvivors() {
        // Given
        List<String> members = stableGroup(3);
        ctx.sleep(SESSION_TIMEOUT_MS / 2);
        ctx.heartbeat(GROUP, members.get(0), 1);

        // When
        ctx.sleep(SESSION_TIMEOUT_MS / 2);

        // Then
        assertThat(group().members()).extracting(ClassicGroupMember::memberId).containsExactly(members.get(0));
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
        ctx.joinGroup(joinRequest(GROUP, members.get(0), TOPICS));
        JoinGroupResponseData rejoined = ctx.takeJoinResponse(GROUP, members.get(0)).orElseThrow();
        assertThat(rejoined.generationId()).isEqualTo(2);
        assertThat(rejoined.members()).extracting(JoinGroupResponseData.JoinGroupResponseMember::memberId)
            .containsExactly(members.get(0));
    }

    @Test
    void lastTwoSessionsExpiringTogetherLeaveTheGroupEmptyInTheNextGeneration() {
        // Given
        List<String> members = stableGroup(2);

        // When
        List<CoordinatorRecord> expired = ctx.sleep(SESSION_TIMEOUT_MS).records();

        // Then
        assertThat(members).noneMatch(group()::hasMember);
        assertThat(group().state()).isEqualTo(ClassicGroupState.EMPTY);
        assertThat(group().generationId()).isEqualTo(2);
        assertThat(expired).hasSize(1).first().isInstanceOfSatisfying(ClassicGroupRecord.class,
            record -> assertThat(record.value().generationId()).isEqualTo(2));
    }

    @Test
    void staticMemberBouncingBackTakesOverWithoutARebalance() {
        // Given
        String oldId = joinStatic("instance-a");
        String other = joinStatic("instance-b");
        completeInitialRebalance();
        takeJoinResponses(List.of(oldId, other));
        byte[] oldAssignment = assignment(new TopicPartition("payments", 0));
        ctx.syncGroup(syncRequest(GROUP, other, 1, Map.of()));
        ctx.syncGroup(syncRequest(GROUP, oldId, 1, Map.of(oldId, oldAssignment,
            other, assignment(new TopicPartition("payments", 1)))));

        // When
        JoinGroupResponseData rejoin = ctx.joinGroup(joinRequest(GROUP, "", TOPICS)
            .setGroupInstanceId("instance-a")).response();

        // Then
        assertThatErrorCode(rejoin.errorCode()).isNone();
        assertThat(rejoin.memberId()).isNotEqualTo(oldId).startsWith("instance-a-");
        assertThat(rejoin.generationId()).isEqualTo(1);
        assertThat(rejoin.skipAssignment()).isTrue();
        assertThat(group().state()).isEqualTo(ClassicGroupState.STABLE);
        assertThat(ctx.lastRecords()).singleElement().isInstanceOf(ClassicGroupRecord.class);
        assertThatErrorCode(ctx.heartbeat(GROUP, oldId, "instance-a", 1).errorCode()).is(Errors.FENCED_INSTANCE_ID);
        SyncGroupResponseData sync = ctx.syncGroup(syncRequest(GROUP, rejoin.memberId(), 1, Map.of())
            .setGroupInstanceId("instance-a")).response();
        assertThat(sync.assignment()).isEqualTo(oldAssignment);
    }

    @Test
    void oldMemberIdOfAReplacedStaticMemberIsFenced() {
        // Given
        String oldId = joinStatic("instance-a");
        completeInitialRebalance();
        ctx.syncGroup(syncRequest(GROUP, oldId, 1, Map.of(oldId, assignment())).setGroupInstanceId("instance-a"));
        ctx.joinGroup(joinRequest(GROUP, "", TOPICS).setGroupInstanceId("instance-a"));

        // When
        Result<CoordinatorRecord, SyncGroupResponseData> stale = ctx.syncGroup(
            syncRequest(GROUP, oldId, 1, Map.of()).setGroupInstanceId("instance-a"));

        // Then
        assertThatErrorCode(stale.response().errorCode()).is(Errors.FENCED_INSTANCE_ID);
    }

    @Test
    void leaderLeavingMidRebalanceHandsLeadershipToARejoinedMember() {
        // Given
        List<String> members = stableGroup(3);
        String leader = members.get(0);
        ctx.joinGroup(joinRequest(GROUP, members.get(1), List.of("payments", "refunds")));

        // When
        ctx.leaveGroup(GROUP, new LeaveGroupRequestData.MemberIdentity().setMemberId(leader));
        ctx.joinGroup(joinRequest(GROUP, members.get(2), TOPICS));

        // Then
        Map<String, JoinGroupResponseData> joins = takeJoinResponses(members);
        assertThat(joins).containsOnlyKeys(members.get(1), members.get(2));
        assertThat(joins.values()).allSatisfy(join -> {
            assertThat(join.leader()).isEqualTo(members.get(1));
            assertThat(join.generationId()).isEqualTo(2);
        });
        assertThat(joins.get(members.get(1)).members()).hasSize(2);
    }

    @Test
    void selectsTheProtocolEveryMemberSupportsWithTheMostVotes() {
        // Given
        ctx.joinGroup(joinRequest(GROUP, "", protocol("range", TOPICS), protocol("roundrobin", TOPICS)), (short) 3);
        ctx.joinGroup(joinRequest(GROUP, "", protocol("roundrobin", TOPICS), protocol("range", TOPICS)), (short) 3);
        ctx.joinGroup(joinRequest(GROUP, "", protocol("roundrobin", TOPICS), protocol("sticky", TOPICS)), (short) 3);

        // When
        completeInitialRebalance();

        // Then
        assertThat(ctx.takeJoinResponse(GROUP, "client-1").orElseThrow().protocolName()).isEqualTo("roundrobin");
    }

    @Test
    void rejectsAMemberSharingNoProtocolWithTheGroup() {
        // Given
        stableGroup(1);

        // When
        JoinGroupResponseData response = ctx.joinGroup(joinRequest(GROUP, "", protocol("sticky", TOPICS)), (short) 3)
            .response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void protocolsDroppedByARejoiningMemberNoLongerCountForNewMembers() {
        // Given
        ctx.joinGroup(joinRequest(GROUP, "", protocol("range", TOPICS), protocol("sticky", TOPICS)), (short) 3);
        ctx.joinGroup(joinRequest(GROUP, "", protocol("range", TOPICS), protocol("sticky", TOPICS)), (short) 3);
        completeInitialRebalance();
        String first = group().leaderOrNull();
        ctx.joinGroup(joinRequest(GROUP, first, protocol("sticky", TOPICS)), (short) 3);

        // When
        JoinGroupResponseData response = ctx.joinGroup(joinRequest(GROUP, "", protocol("range", TOPICS)), (short) 3)
            .response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.INCONSISTENT_GROUP_PROTOCOL);
        assertThat(group().candidateProtocols()).containsExactly("sticky");
    }

    @Test
    void aMemberThatLeftNoLongerCountsAsSupportingItsProtocols() {
        // Given
        List<String> members = stableGroup(2);
        ctx.leaveGroup(GROUP, new LeaveGroupRequestData.MemberIdentity().setMemberId(members.get(0)));

        // When
        Result<CoordinatorRecord, JoinGroupResponseData> result = ctx.joinGroup(joinRequest(GROUP, "", TOPICS),
            (short) 3);

        // Then
        assertThat(result.isParked()).isTrue();
        assertThat(group().size()).isEqualTo(2);
        assertThat(group().numAwaitingJoin()).isEqualTo(1);
    }

    @Test
    void rejectsMembersBeyondGroupMaxSize() {
        // Given
        GroupCoordinatorTestContext small = GroupCoordinatorTestContext.create(Map.of("group.max.size", "2"));
        small.joinDynamicMember(GROUP, TOPICS);
        small.joinDynamicMember(GROUP, TOPICS);
        String required = small.joinGroup(joinRequest(GROUP, "", TOPICS)).response().memberId();

        // When
        JoinGroupResponseData response = small.joinGroup(joinRequest(GROUP, required, TOPICS)).response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.GROUP_MAX_SIZE_REACHED);
    }

    @Test
    void rejectsSessionTimeoutsOutsideTheConfiguredBounds() {
        // When
        JoinGroupResponseData response = ctx.joinGroup(joinRequest(GROUP, "", TOPICS).setSessionTimeoutMs(5_999))
            .response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.INVALID_SESSION_TIMEOUT);
        assertThat(ctx.shard().group(GROUP)).isEmpty();
    }

    @Test
    void newRebalanceAnswersParkedSyncsWithRebalanceInProgress() {
        // Given
        List<String> members = stableGroup(2);
        ctx.joinGroup(joinRequest(GROUP, members.get(0), TOPICS));
        ctx.joinGroup(joinRequest(GROUP, members.get(1), TOPICS));
        takeJoinResponses(members);
        ctx.syncGroup(syncRequest(GROUP, members.get(1), 2, Map.of()));

        // When
        ctx.joinGroup(joinRequest(GROUP, members.get(0), List.of("refunds")));

        // Then
        assertThatErrorCode(ctx.takeSyncResponse(GROUP, members.get(1)).orElseThrow().errorCode())
            .is(Errors.REBALANCE_IN_PROGRESS);
    }

    @Test
    void heartbeatWithAStaleGenerationIsIllegal() {
        // Given
        List<String> members = stableGroup(1);

        // When
        short error = ctx.heartbeat(GROUP, members.get(0), 0).errorCode();

        // Then
        assertThatErrorCode(error).is(Errors.ILLEGAL_GENERATION);
    }

    @Test
    void memberThatNeverSyncsIsRemovedAfterTheRebalanceTimeout() {
        // Given
        List<String> members = new ArrayList<>();
        members.add(ctx.joinDynamicMember(GROUP, TOPICS));
        members.add(ctx.joinDynamicMember(GROUP, TOPICS));
        completeInitialRebalance();
        ctx.syncGroup(syncRequest(GROUP, members.get(0), 1, Map.of()));
        for (int elapsed = 0; elapsed < REBALANCE_TIMEOUT_MS - 10_000; elapsed += 10_000) {
            ctx.sleep(10_000);
            ctx.heartbeat(GROUP, members.get(0), 1);
            ctx.heartbeat(GROUP, members.get(1), 1);
        }

        // When
        ctx.sleep(10_000);

        // Then
        assertThat(group().hasMember(members.get(1))).isFalse();
        assertThat(group().state()).isEqualTo(ClassicGroupState.PREPARING_REBALANCE);
    }

    @Test
    void adminRemovesAStaticMemberByInstanceId() {
        // Given
        String member = joinStatic("instance-a");
        completeInitialRebalance();

        // When
        LeaveGroupResponseData response = ctx.leaveGroup(GROUP,
            new LeaveGroupRequestData.MemberIdentity().setMemberId("").setGroupInstanceId("instance-a"),
            new LeaveGroupRequestData.MemberIdentity().setMemberId("").setGroupInstanceId("instance-unknown"));

        // Then
        assertThat(response.members()).extracting(m -> Errors.forCode(m.errorCode()))
            .containsExactly(Errors.NONE, Errors.UNKNOWN_MEMBER_ID);
        assertThat(group().hasMember(member)).isFalse();
        assertThat(group().state()).isEqualTo(ClassicGroupState.EMPTY);
    }

    @Test
    void initialDelayExtensionsNeverExceedTheRebalanceTimeout() {
        // Given
        String first = joinWithRebalanceTimeout("", 7_000);
        ctx.sleep(2_999);
        joinNewMemberWithRebalanceTimeout(7_000);
        ctx.sleep(1);
        ctx.sleep(2_999);
        joinNewMemberWithRebalanceTimeout(7_000);
        ctx.sleep(1);
        ctx.sleep(999);
        joinNewMemberWithRebalanceTimeout(7_000);

        // When
        ctx.sleep(1);

        // Then
        assertThat(ctx.clock.nowMs() - ManualClock.DEFAULT_START_MS).isEqualTo(7_000);
        assertThat(group().state()).isEqualTo(ClassicGroupState.COMPLETING_REBALANCE);
        assertThat(ctx.takeJoinResponse(GROUP, first).orElseThrow().members()).hasSize(4);
    }

    @Test
    void staticMemberThatMissesAJoinPhaseStaysInTheGroup() {
        // Given
        String dynamic = ctx.joinDynamicMember(GROUP, TOPICS);
        String staticMember = joinStatic("instance-a");
        completeInitialRebalance();
        ctx.syncGroup(syncRequest(GROUP, dynamic, 1, Map.of()));
        ctx.syncGroup(syncRequest(GROUP, staticMember, 1, Map.of()).setGroupInstanceId("instance-a"));
        ctx.joinGroup(joinRequest(GROUP, dynamic, TOPICS));
        for (int elapsed = 0; elapsed < REBALANCE_TIMEOUT_MS - 30_000; elapsed += 30_000) {
            ctx.sleep(30_000);
            ctx.heartbeat(GROUP, staticMember, "instance-a", 1);
        }

        // When
        ctx.sleep(30_000);

        // Then
        assertThat(group().hasMember(staticMember)).isTrue();
        assertThat(group().generationId()).isEqualTo(2);
        assertThat(ctx.takeJoinResponse(GROUP, dynamic).orElseThrow().members()).hasSize(2);
    }

    @Test
    void unknownMemberIdOfAnExistingGroupIsRejected() {
        // Given
        stableGroup(1);

        // When
        JoinGroupResponseData response = ctx.joinGroup(joinRequest(GROUP, "made-up", TOPICS)).response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.UNKNOWN_MEMBER_ID);
    }

    @Test
    void syncWithAnotherProtocolNameIsInconsistent() {
        // Given
        List<String> members = stableGroup(1);

        // When
        SyncGroupResponseData response = ctx.syncGroup(syncRequest(GROUP, members.get(0), 1, Map.of())
            .setProtocolName("roundrobin")).response();

        // Then
        assertThatErrorCode(response.errorCode()).is(Errors.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void describeHidesMetadataWhileTheGroupRebalances() {
        // Given
        ctx.joinDynamicMember(GROUP, TOPICS);

        // When
        DescribeGroupsResponseData.DescribedGroup described = ctx.describe(GROUP);

        // Then
        assertThat(described.groupState()).isEqualTo("PreparingRebalance");
        assertThat(described.protocolData()).isEmpty();
        assertThat(described.members()).singleElement()
            .satisfies(m -> assertThat(m.memberMetadata()).isEmpty());
    }

    @Test
    void heartbeatRearmsTheMembersSessionTimer() {
        // Given
        List<String> members = stableGroup(1);
        ctx.sleep(10_000);

        // When
        ctx.heartbeat(GROUP, members.get(0), 1);

        // Then
        assertThat(ctx.shard().timerDeadline(ClassicRebalancer.sessionKey(GROUP, members.get(0))))
            .hasValue(ctx.clock.nowMs() + SESSION_TIMEOUT_MS);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ClassicGroup group() {
        return (ClassicGroup) ctx.shard().group(GROUP).orElseThrow();
    }

    private void completeInitialRebalance() {
        ctx.sleep(INITIAL_DELAY_MS);
        ctx.sleep(INITIAL_DELAY_MS);
    }

    private String joinWithRebalanceTimeout(String memberId, int rebalanceTimeoutMs) {
        ctx.joinGroup(joinRequest(GROUP, memberId, TOPICS).setRebalanceTimeoutMs(rebalanceTimeoutMs), (short) 3);
        return memberId.isEmpty() ? group().leaderOrNull() : memberId;
    }

    private void joinNewMemberWithRebalanceTimeout(int rebalanceTimeoutMs) {
        String required = ctx.joinGroup(joinRequest(GROUP, "", TOPICS)).response().memberId();
        joinWithRebalanceTimeout(required, rebalanceTimeoutMs);
    }

    private String joinStatic(String instanceId) {
        return ctx.joinGroup(joinRequest(GROUP, "", TOPICS).setGroupInstanceId(instanceId)).isParked()
            ? group().staticMemberId(instanceId) : null;
    }

    private Map<String, JoinGroupResponseData> takeJoinResponses(List<String> members) {
        Map<String, JoinGroupResponseData> responses = new LinkedHashMap<>();
        members.forEach(m -> ctx.takeJoinResponse(GROUP, m).ifPresent(r -> responses.put(m, r)));
        return responses;
    }

    /** @return the members of a Stable generation-1 group, leader first */
    private List<String> stableGroup(int size) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(ctx.joinDynamicMember(GROUP, TOPICS));
        }
        completeInitialRebalance();
        takeJoinResponses(members);
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        members.forEach(m -> assignments.put(m, assignment(new TopicPartition("payments", members.indexOf(m)))));
        members.subList(1, size).forEach(m -> ctx.syncGroup(syncRequest(GROUP, m, 1, Map.of())));
        ctx.syncGroup(syncRequest(GROUP, members.get(0), 1, assignments));
        members.forEach(m -> ctx.takeSyncResponse(GROUP, m));
        return members;
    }
}
