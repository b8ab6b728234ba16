package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs small fixture classes through the JUnit launcher and checks which brokers their tests saw. */
class HandoffExtensionTest {

    /** What the fixtures' tests received, in order. Fixtures run one at a time, from this class only. */
    private static final List<EmbeddedHandoff> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetBrokersSeenBefore() {
        SEEN.clear();
    }

    @Test
    void staticFieldSharesOneBrokerAcrossTheClassAndClosesItAfterAll() {
        // When
        TestExecutionSummary summary = run(PerClassFixture.class);

        // Then
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertThat(SEEN.get(0).isRunning()).isFalse();
        assertThat(SEEN.get(0).dataDir()).doesNotExist();
    }

    @Test
    void instanceFieldGivesEachTestItsOwnBroker() {
        // When
        TestExecutionSummary summary = run(PerMethodFixture.class);

        // Then
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
        assertThat(SEEN).noneMatch(EmbeddedHandoff::isRunning);
    }

    @Test
    void annotationStartsABrokerWithTheGivenProperties() {
        // When
        TestExecutionSummary summary = run(AnnotatedFixture.class);

        // Then
        assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
        assertThat(SEEN).singleElement()
                .satisfies(b -> assertThat(b.brokerProperties()).containsEntry("num.partitions", "3"));
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(), listener);
        listener.getSummary().getFailures().forEach(f -> {
            throw new AssertionError("Fixture test failed: " + f.getTestIdentifier().getDisplayName(),
                    f.getException());
        });
        return listener.getSummary();
    }

    static class PerClassFixture {

        @RegisterExtension
        static final HandoffExtension HANDOFF = new HandoffExtension();

        @Test
        void first(EmbeddedHandoff broker) {
            assertThat(broker.isRunning()).isTrue();
            SEEN.add(broker);
        }

        @Test
        void second(EmbeddedHandoff broker) {
            assertThat(HANDOFF.broker()).isSameAs(broker);
            SEEN.add(broker);
        }
    }

    static class PerMethodFixture {

        @RegisterExtension
        final HandoffExtension handoff = new HandoffExtension().brokerProperty("num.partitions", "2");

        @Test
        void first(EmbeddedHandoff broker) {
            assertThat(broker.isRunning()).isTrue();
            SEEN.add(broker);
        }

        @Test
        void second(EmbeddedHandoff broker) {
            assertThat(handoff.bootstrapServers()).isEqualTo(broker.bootstrapServers());
            SEEN.add(broker);
        }
    }

    @HandoffBroker(properties = "num.partitions=3")
    static class AnnotatedFixture {

        @Test
        void receivesTheBroker(EmbeddedHandoff broker) {
            assertThat(broker.isRunning()).isTrue();
            SEEN.add(broker);
        }
    }
}
