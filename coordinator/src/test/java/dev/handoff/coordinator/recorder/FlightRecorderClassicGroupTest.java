package dev.handoff.coordinator.recorder;

import java.util.List;
import java.util.Map;

import dev.handoff.coordinator.GroupCoordinatorTestContext;
import dev.handoff.coordinator.RequestContext;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FlightRecorderClassicGroupTest {

    private static final String GROUP = "classic";
    private static final RequestContext JOIN_V9 = new RequestContext((short) 9, "client", "/127.0.0.1");
    private static final RequestContext V5 = new RequestContext((short) 5, "client", "/127.0.0.1");
    /** Kafka's default {@code group.initial.rebalance.delay.ms}. */
    private static final int INITIAL_DELAY_MS = 3_000;

    @Test
    void firstGenerationRecordsTheJoinAndSyncPhasesWithTheirLengths() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        String member = join(context, "");
        context.sleep(INITIAL_DELAY_MS);
        context.clock.advance(40);

        // When
        context.run((s, nowMs) -> s.syncGroup(V5, sync(member, 1), nowMs));

        // Then
        assertThat(context.events(GROUP))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::epoch, RebalanceEvent::durationMs)
            .containsExactly(
                tuple(EventType.MEMBER_JOINED, Cause.JOIN, -1, -1.0),
                tuple(EventType.CLASSIC_REBALANCE_STARTED, Cause.JOIN, 0, -1.0),
                tuple(EventType.CLASSIC_JOIN_COMPLETED, Cause.JOIN, 1, (double) INITIAL_DELAY_MS),
                tuple(EventType.CLASSIC_SYNC_COMPLETED, Cause.RECONCILIATION, 1, 40.0));
        assertThat(context.events(GROUP).get(0).memberId()).isEqualTo(member);
    }

    @Test
    void leaveGroupStartsARebalanceCausedByTheLeave() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        String first = join(context, "");
        context.sleep(INITIAL_DELAY_MS);
        context.run((s, nowMs) -> s.syncGroup(V5, sync(first, 1), nowMs));
        int before = context.heard.size();

        // When
        context.run((s, nowMs) -> s.leaveGroup(V5, new LeaveGroupRequestData().setGroupId(GROUP)
            .setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(first))), nowMs));

        // Then
        assertThat(context.heardSince(before))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId)
            .contains(tuple(EventType.MEMBER_LEFT, Cause.LEAVE, first));
    }

    @Test
    void aMemberWhoseSessionExpiresIsFenced() {
        // Given
        RecorderTestContext context = RecorderTestContext.create();
        String member = join(context, "");
        context.sleep(INITIAL_DELAY_MS);
        context.run((s, nowMs) -> s.syncGroup(V5, sync(member, 1), nowMs));
        int before = context.heard.size();

        // When
        context.sleep(GroupCoordinatorTestContext.SESSION_TIMEOUT_MS);

        // Then
        assertThat(context.heardSince(before))
            .extracting(RebalanceEvent::type, RebalanceEvent::cause, RebalanceEvent::memberId)
            .contains(tuple(EventType.MEMBER_FENCED, Cause.SESSION_EXPIRED, member));
    }

    /** JoinGroup v9: the KIP-394 round trip for a member id, then the real (parked) join. */
    private static String join(RecorderTestContext context, String memberId) {
        JoinGroupRequestData first = GroupCoordinatorTestContext.joinRequest(GROUP, memberId, List.of("t"));
        JoinGroupResponseData required = context.run((s, nowMs) -> s.joinGroup(JOIN_V9, first, nowMs)).response();
        JoinGroupRequestData second = GroupCoordinatorTestContext.joinRequest(GROUP, required.memberId(),
            List.of("t"));
        context.run((s, nowMs) -> s.joinGroup(JOIN_V9, second, nowMs));
        return required.memberId();
    }

    private static SyncGroupRequestData sync(String leader, int generation) {
        return GroupCoordinatorTestContext.syncRequest(GROUP, leader, generation,
            Map.of(leader, GroupCoordinatorTestContext.assignment()));
    }
}
