package dev.handoff.bench.assignor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * Checks, before a benchmark measures, that it measures what it claims: the sticky input is the previous
 * assignment (empty for a full assignment, the other members' for a change), the result covers every
 * subscribed partition exactly once, and an invocation leaves the prepared state as it found it, so the
 * state may be built once per trial rather than once per invocation.
 */
final class InputCheck {

    private InputCheck() {
    }

    /**
     * @throws IllegalStateException naming the first violation
     */
    static void verify(AssignorUnderTest prepared, Scenario after, Scenario.Change change) {
        int previouslyOwned = owned(prepared.previous());
        if (change == Scenario.Change.FULL ? previouslyOwned != 0 : previouslyOwned == 0) {
            throw new IllegalStateException(change + " starts from " + previouslyOwned + " owned partitions");
        }
        Map<String, Map<Uuid, int[]>> first = prepared.normalise(prepared.assign());
        assertExactCover(after, first);
        Map<String, Map<Uuid, int[]>> second = prepared.normalise(prepared.assign());
        if (!same(first, second)) {
            throw new IllegalStateException("A second invocation gave another result: an invocation changed the state");
        }
    }

    static int owned(Map<String, Map<Uuid, int[]>> assignment) {
        int owned = 0;
        for (Map<Uuid, int[]> member : assignment.values()) {
            for (int[] partitions : member.values()) {
                owned += partitions.length;
            }
        }
        return owned;
    }

    /** Every member of the scenario is present, owns only subscribed partitions, and each partition has one owner. */
    static void assertExactCover(Scenario scenario, Map<String, Map<Uuid, int[]>> assignment) {
        if (!assignment.keySet().containsAll(scenario.subscriptions().keySet())) {
            throw new IllegalStateException("Members missing from the result");
        }
        Set<Uuid> subscribed = new HashSet<>();
        scenario.subscriptions().values().forEach(subscribed::addAll);
        Map<Uuid, boolean[]> seen = new HashMap<>();
        int expected = 0;
        for (Uuid topic : subscribed) {
            int count = scenario.partitionCounts().get(topic);
            seen.put(topic, new boolean[count]);
            expected += count;
        }
        assignment.forEach((member, topics) -> topics.forEach((topic, partitions) -> {
            if (!scenario.subscriptions().getOrDefault(member, Set.of()).contains(topic)) {
                throw new IllegalStateException(member + " owns partitions of a topic it does not subscribe to");
            }
            for (int p : partitions) {
                if (seen.get(topic)[p]) {
                    throw new IllegalStateException(topic + "-" + p + " has two owners");
                }
                seen.get(topic)[p] = true;
            }
        }));
        if (owned(assignment) != expected) {
            throw new IllegalStateException(owned(assignment) + " of " + expected + " partitions are owned");
        }
    }

    private static boolean same(Map<String, Map<Uuid, int[]>> a, Map<String, Map<Uuid, int[]>> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Map<Uuid, int[]>> member : a.entrySet()) {
            Map<Uuid, int[]> other = b.get(member.getKey());
            if (!member.getValue().keySet().equals(other.keySet())) {
                return false;
            }
            for (Map.Entry<Uuid, int[]> topic : member.getValue().entrySet()) {
                if (!Arrays.equals(topic.getValue(), Objects.requireNonNull(other.get(topic.getKey())))) {
                    return false;
                }
            }
        }
        return true;
    }
}
