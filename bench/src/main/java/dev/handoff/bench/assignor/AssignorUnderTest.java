package dev.handoff.bench.assignor;

import java.util.Map;

import org.apache.kafka.common.Uuid;

/**
 * One implementation (Handoff's or Apache Kafka's) of one assignor, prepared on a scenario: the previous
 * assignment is computed by the same implementation, so stickiness is measured on its own terms.
 */
public interface AssignorUnderTest {

    /** Runs the assignor on the prepared input; the result is returned for JMH to consume. */
    Object assign();

    /** Member id to topic id to owned partitions, of a result of {@link #assign()}. */
    Map<String, Map<Uuid, int[]>> normalise(Object result);

    /** Member id to topic id to owned partitions, of the previous assignment. */
    Map<String, Map<Uuid, int[]>> previous();

    static AssignorUnderTest prepare(Implementation implementation, String assignor, Scenario before, Scenario after) {
        return switch (implementation) {
            case HANDOFF -> HandoffAssignor.prepare(assignor, before, after);
            case KAFKA -> KafkaAssignor.prepare(assignor, before, after);
        };
    }

    enum Implementation { HANDOFF, KAFKA }
}
