package dev.handoff.coordinator;

import static dev.handoff.coordinator.GroupCoordinatorTestContext.context;
import static dev.handoff.coordinator.GroupCoordinatorTestContext.joinRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.handoff.coordinator.record.CoordinatorRecord;
import dev.handoff.coordinator.runtime.CoordinatorLoop;
import dev.handoff.coordinator.runtime.DirectEventProcessor;
import dev.handoff.coordinator.runtime.InMemoryCoordinatorLog;
import dev.handoff.testsupport.ManualClock;
import dev.handoff.testsupport.SequentialIds;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.junit.jupiter.api.Test;

/** The shard on the real loop: parked JoinGroups are futures the loop completes when the join phase ends. */
class GroupCoordinatorLoopTest {

    private final ManualClock clock = new ManualClock();
    private final InMemoryCoordinatorLog<CoordinatorRecord> log = new InMemoryCoordinatorLog<>();
    private final CoordinatorLoop<GroupCoordinatorShard, CoordinatorRecord> loop = new CoordinatorLoop<>(
        new GroupCoordinatorShard(GroupCoordinatorConfig.defaults(), new SequentialIds()::newMemberId), log,
        clock::nowMs, new DirectEventProcessor());

    @Test
    void parkedJoinsCompleteOnlyOnceTheExtendedInitialDelayHasPassed() {
        // Given
        loop.load().join();
        CompletableFuture<JoinGroupResponseData> first = join(3, "");
        CompletableFuture<JoinGroupResponseData> memberIdRequired = join(9, "");
        CompletableFuture<JoinGroupResponseData> second = join(9, memberIdRequired.join().memberId());
        clock.advance(3_000);

        // When
        loop.fireTimers();

        // Then
        assertThat(first).isNotDone();
        clock.advance(3_000);
        loop.fireTimers();
        assertThat(first.join().memberId()).isEqualTo("client-1");
        assertThat(first.join().generationId()).isEqualTo(1);
        assertThat(second.join().generationId()).isEqualTo(1);
        assertThat(loop.parkedCount()).isZero();
    }

    /** JoinGroup v3 adds a member directly; v9 first answers MEMBER_ID_REQUIRED (KIP-394). */
    private CompletableFuture<JoinGroupResponseData> join(int version, String memberId) {
        return loop.submit("join", (shard, nowMs) ->
            shard.joinGroup(context(version), joinRequest("g", memberId, List.of("t")), nowMs));
    }
}
