package dev.handoff.testkit.group;

import static dev.handoff.testkit.group.GroupTestSupport.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.handoff.testkit.EmbeddedHandoff;
import dev.handoff.testkit.HandoffExtension;
import dev.handoff.testkit.upgrade.TrackedConsumer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Committed offsets of a classic group survive a broker restart (DECISIONS.md 1). */
class ClassicGroupRestartIT {

    private static final int PARTITIONS = 12;
    private static final Map<String, Object> CLASSIC = Map.of(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");

    @RegisterExtension
    final HandoffExtension handoff = new HandoffExtension().brokerProperty("group.initial.rebalance.delay.ms", "0");

    @Test
    void groupResumesFromItsCommittedOffsetsAfterARestart(EmbeddedHandoff broker) throws Exception {
        // Given
        GroupTestSupport.createTopic(broker, "ledger", PARTITIONS);
        List<String> first = GroupTestSupport.produce(broker, "ledger", PARTITIONS, "first", 240);
        TrackedConsumer before = TrackedConsumer.start(broker, "before", "ledger-app", List.of("ledger"), CLASSIC);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(GroupTestSupport.values(List.of(before))).containsAll(first));
        before.stop();

        // When
        broker.restart();
        List<String> second = GroupTestSupport.produce(broker, "ledger", PARTITIONS, "second", 240);
        TrackedConsumer after = TrackedConsumer.start(broker, "after", "ledger-app", List.of("ledger"), CLASSIC);

        // Then
        try {
            await().atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(GroupTestSupport.values(List.of(after))).containsExactlyInAnyOrderElementsOf(second));
        } finally {
            after.stop();
        }
    }
}
