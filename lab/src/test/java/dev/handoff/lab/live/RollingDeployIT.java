package dev.handoff.lab.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.handoff.lab.RolloutFacts;
import dev.handoff.lab.report.ReportWriter;
import dev.handoff.lab.scenario.Protocol;
import dev.handoff.lab.scenario.RolloutAction;
import dev.handoff.lab.scenario.Scenario;
import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.Timeline;
import dev.handoff.lab.timeline.TimelineEvent;
import dev.handoff.testkit.EmbeddedHandoff;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The small real-client run against the embedded Handoff broker: 6 consumers, 12 partitions, short
 * delays. Skipped (not failed) while the broker does not serve consumer groups yet; it runs by itself once
 * ApiVersions lists the group APIs. The broker serves its console, so the runs also copy the coordinator's flight
 * recording, as the lab does with its own broker.
 */
class RollingDeployIT {

    private static final Set<ApiKeys> GROUP_APIS = Set.of(ApiKeys.FIND_COORDINATOR, ApiKeys.JOIN_GROUP,
        ApiKeys.SYNC_GROUP, ApiKeys.HEARTBEAT, ApiKeys.LEAVE_GROUP, ApiKeys.OFFSET_COMMIT, ApiKeys.OFFSET_FETCH,
        ApiKeys.CONSUMER_GROUP_HEARTBEAT);
    /** Steps of 5 s: longer than the classic heartbeat interval (3 s), so each step's rebalance falls in it. */
    private static final Scenario SMALL = new Scenario(6, 12, 200, 1.0, 500, 4_500, 0, 1, false, 10_000, 6_000, 1L);

    /** A stopping consumer revokes everything in its close, which ends well within this. */
    private static final long STOP_AFTER_REVOCATION_MS = 2_000;

    private static EmbeddedHandoff broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedHandoff.builder().brokerProperty("metrics.listener", "http://127.0.0.1:0").start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Timeline run(Protocol protocol) throws Exception {
        Set<ApiKeys> missing = new TreeSet<>(GROUP_APIS);
        missing.removeAll(BrokerApis.of(broker.address()));
        assumeTrue(missing.isEmpty(), "Handoff does not serve " + missing + " yet");
        Timeline timeline = new LiveRun(broker.bootstrapServers(), "it", Map.of(), broker.consoleUrl())
            .run(SMALL, protocol, ms -> { });
        // Kept for a look when a fact fails: target/lab-it/<protocol>/report.html
        ReportWriter.write(Path.of("target", "lab-it", protocol.cliName()), "RollingDeployIT", List.of(timeline));
        return timeline;
    }

    @Test
    void consumerProtocolNeverStopsTheGroupAndOnlyMovesPartitions() throws Exception {
        // When
        Timeline timeline = run(Protocol.CONSUMER);

        // Then
        assertThat(RolloutFacts.momentsWithNoPartitionOwned(timeline)).isEmpty();
        assertThat(RolloutFacts.revocationsOfPartitionsThatDidNotMove(timeline)).isEmpty();
        assertThat(timeline.counts().missing()).isZero();
        assertThat(membersWith(timeline, EventKind.MEMBER_LEFT)).as("the coordinator saw every stopped consumer leave")
            .containsAll(rolloutMembers(timeline, RolloutAction.Kind.STOP));
        assertThat(membersWith(timeline, EventKind.PARTITIONS_ASSIGNED))
            .as("every consumer given partitions was sent them by the coordinator, replacements too")
            .containsAll(callbackMembers(timeline, EventKind.ASSIGNED))
            .containsAnyElementsOf(rolloutMembers(timeline, RolloutAction.Kind.START));
        assertThat(membersWith(timeline, EventKind.REVOCATION_REQUESTED))
            .as("every consumer that revoked partitions while staying was asked to by the coordinator")
            .containsAll(callbackMembers(timeline, EventKind.REVOKED))
            .containsAll(membersWith(timeline, EventKind.REVOCATION_COMPLETED));
    }

    @Test
    void classicEagerRevokesEveryConsumerAtEveryStep() throws Exception {
        // When
        Timeline timeline = run(Protocol.CLASSIC_EAGER);

        // Then
        long stepLength = SMALL.podStartDelayMs() + SMALL.stepWaitMs();
        RolloutFacts.revokedPerStep(timeline).forEach((step, revoked) -> assertThat(revoked)
            .as("revoked in the step at %d ms", step)
            .containsAll(RolloutFacts.aliveThroughout(timeline, step - 1, step + stepLength)));
        assertThat(timeline.counts().missing()).isZero();
    }

    @Test
    void classicCooperativeLosesNoRecord() throws Exception {
        // When
        Timeline timeline = run(Protocol.CLASSIC_COOPERATIVE);

        // Then
        assertThat(timeline.counts().missing()).isZero();
        assertThat(timeline.counts().produced()).isPositive();
        assertThat(membersWith(timeline, EventKind.MEMBER_LEFT)).as("the coordinator saw every stopped consumer leave")
            .containsAll(rolloutMembers(timeline, RolloutAction.Kind.STOP));
        assertThat(timeline.events()).extracting(TimelineEvent::kind)
            .contains(EventKind.CLASSIC_REBALANCE_STARTED, EventKind.CLASSIC_JOIN_COMPLETED,
                EventKind.CLASSIC_SYNC_COMPLETED);
    }

    /** @return the consumers the rollout stops, or the replacements it starts (after the warm-up's starts) */
    private static Set<String> rolloutMembers(Timeline timeline, RolloutAction.Kind kind) {
        Set<String> members = new TreeSet<>();
        timeline.plan().actions().stream().filter(a -> a.kind() == kind && a.atMs() > 0)
            .forEach(a -> members.add(a.member()));
        return members;
    }

    /**
     * @return the consumers whose callback of {@code kind} had partitions, after the warm-up, leaving out the
     *         revocations of consumers being stopped (a consumer that leaves gives its partitions up unasked)
     */
    private static Set<String> callbackMembers(Timeline timeline, EventKind kind) {
        Set<String> members = new TreeSet<>();
        timeline.events().stream()
            .filter(e -> e.kind() == kind && !e.partitions().isEmpty() && e.atMs() >= SMALL.warmupMs())
            .filter(e -> kind != EventKind.REVOKED || !stopsWithin(timeline, e, STOP_AFTER_REVOCATION_MS))
            .forEach(e -> members.add(e.member()));
        return members;
    }

    private static boolean stopsWithin(Timeline timeline, TimelineEvent revoked, long ms) {
        return timeline.events().stream().anyMatch(e -> e.member().equals(revoked.member())
            && e.kind() == EventKind.STOPPED && e.atMs() >= revoked.atMs() && e.atMs() - revoked.atMs() <= ms);
    }

    private static Set<String> membersWith(Timeline timeline, EventKind kind) {
        Set<String> members = new TreeSet<>();
        timeline.events().stream().filter(e -> e.kind() == kind).forEach(e -> members.add(e.member()));
        return members;
    }
}
