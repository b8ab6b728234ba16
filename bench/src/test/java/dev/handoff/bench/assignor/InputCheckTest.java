package dev.handoff.bench.assignor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class InputCheckTest {

    @Test
    void everyPreparedInputOfBothImplementationsPasses() {
        for (Scenario.Subscription subscription : Scenario.Subscription.values()) {
            for (int racks : new int[] {0, 3}) {
                // Given
                Scenario before = Scenario.of(20, 3, 5, subscription).withRacks(racks);
                for (Scenario.Change change : Scenario.Change.values()) {
                    Scenario after = before.after(change, 3);
                    Scenario previous = change == Scenario.Change.FULL ? after.withoutMembers() : before;
                    for (AssignorUnderTest.Implementation impl : AssignorUnderTest.Implementation.values()) {
                        for (String assignor : new String[] {"uniform", "range"}) {
                            AssignorUnderTest prepared = AssignorUnderTest.prepare(impl, assignor, previous, after);

                            // When / Then
                            assertThatCode(() -> InputCheck.verify(prepared, after, change))
                                    .as("%s %s %s %s racks=%d", impl, assignor, subscription, change, racks)
                                    .doesNotThrowAnyException();
                        }
                    }
                }
            }
        }
    }

    @Test
    void rejectsAnInvocationThatChangesTheState() {
        // Given
        Scenario scenario = Scenario.of(2, 1, 1, Scenario.Subscription.HOMOGENEOUS);
        AssignorUnderTest drifting = new Scripted(scenario, false);

        // When / Then
        assertThatThrownBy(() -> InputCheck.verify(drifting, scenario, Scenario.Change.FULL))
                .hasMessageContaining("changed the state");
    }

    @Test
    void rejectsAResultThatLeavesAPartitionUnowned() {
        // Given
        Scenario scenario = Scenario.of(2, 1, 1, Scenario.Subscription.HOMOGENEOUS);
        AssignorUnderTest incomplete = new Scripted(scenario, true);

        // When / Then
        assertThatThrownBy(() -> InputCheck.verify(incomplete, scenario, Scenario.Change.FULL))
                .hasMessageContaining("1 of 2 partitions are owned");
    }

    /** Two members, one topic of two partitions: each call swaps the owners, or leaves one partition out. */
    private static final class Scripted implements AssignorUnderTest {

        private final Uuid topic;
        private final String first;
        private final String second;
        private final boolean incomplete;
        private int calls;

        Scripted(Scenario scenario, boolean incomplete) {
            this.topic = scenario.partitionCounts().keySet().iterator().next();
            this.first = Scenario.memberId(0);
            this.second = Scenario.memberId(1);
            this.incomplete = incomplete;
        }

        @Override
        public Object assign() {
            return calls++;
        }

        @Override
        public Map<String, Map<Uuid, int[]>> normalise(Object result) {
            if (incomplete) {
                return Map.of(first, Map.of(topic, new int[] {0}), second, Map.of());
            }
            int flip = (Integer) result % 2;
            return Map.of(first, Map.of(topic, new int[] {flip}), second, Map.of(topic, new int[] {1 - flip}));
        }

        @Override
        public Map<String, Map<Uuid, int[]>> previous() {
            return Map.of();
        }
    }
}
