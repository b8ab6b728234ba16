package dev.handoff.bench.assignor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.common.Uuid;

/**
 * One benchmark input, independent of any implementation: topics with partition counts and members with
 * subscriptions, built the way Apache Kafka's own {@code ServerSideAssignorBenchmark} builds them
 * ({@code members × partitionsPerMember} partitions spread over the topics; "mixed" splits members and
 * topics into buckets, each bucket subscribing to its own topics).
 *
 * @param partitionCounts topic id to partition count, in topic order
 * @param subscriptions   member id to subscribed topic ids, in member order
 * @param racks           0 for no racks; otherwise member {@code member-m} is in rack {@code m mod racks} and
 *                        partition {@code p} of every topic in rack {@code p mod racks} (rack-aware inputs)
 */
public record Scenario(Map<Uuid, Integer> partitionCounts, Map<String, Set<Uuid>> subscriptions, int racks) {

    /** Kafka's benchmark uses five buckets for heterogeneous subscriptions. */
    static final int BUCKETS = 5;

    public enum Subscription { HOMOGENEOUS, MIXED }

    /** What happens between the previous assignment and the measured one. */
    public enum Change { FULL, JOIN, LEAVE, PARTITIONS_ADDED }

    static Scenario of(int members, int partitionsPerMember, int topics, Subscription subscription) {
        Map<Uuid, Integer> counts = new LinkedHashMap<>();
        int partitionsPerTopic = Math.max(1, members * partitionsPerMember / topics);
        List<Uuid> topicIds = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            Uuid id = new Uuid(0x5EED_0000_0000L, t + 1L);
            topicIds.add(id);
            counts.put(id, partitionsPerTopic);
        }
        Map<String, Set<Uuid>> subscriptions = new LinkedHashMap<>();
        if (subscription == Subscription.HOMOGENEOUS) {
            Set<Uuid> all = Set.copyOf(topicIds);
            for (int m = 0; m < members; m++) {
                subscriptions.put(memberId(m), all);
            }
        } else {
            int buckets = Math.min(BUCKETS, Math.min(members, topics));
            int topicsPerBucket = (topics + buckets - 1) / buckets;
            int membersPerBucket = (members + buckets - 1) / buckets;
            for (int m = 0; m < members; m++) {
                int bucket = m / membersPerBucket;
                int from = Math.min(bucket * topicsPerBucket, topics);
                int to = Math.min(from + topicsPerBucket, topics);
                subscriptions.put(memberId(m), Set.copyOf(topicIds.subList(from, to)));
            }
        }
        return new Scenario(counts, subscriptions, 0);
    }

    /** The same scenario with members and partitions spread over {@code racks} racks (0: none). */
    Scenario withRacks(int racks) {
        return new Scenario(partitionCounts, subscriptions, racks);
    }

    /** The rack of a member; a joining member (no number) is in the first rack. Empty without racks. */
    Optional<String> rackOf(String memberId) {
        if (racks == 0) {
            return Optional.empty();
        }
        String digits = memberId.replaceAll("\\D", "");
        return Optional.of(rackName(digits.isEmpty() ? 0 : Integer.parseInt(digits) % racks));
    }

    /** The racks of every topic's partitions, partition by partition; empty without racks. */
    Map<Uuid, List<Set<String>>> partitionRacks() {
        Map<Uuid, List<Set<String>>> result = new LinkedHashMap<>();
        partitionCounts.forEach((topic, count) -> {
            List<Set<String>> partitions = new ArrayList<>(count);
            for (int p = 0; p < count; p++) {
                partitions.add(racks == 0 ? Set.of() : Set.of(rackName(p % racks)));
            }
            result.put(topic, partitions);
        });
        return result;
    }

    private static String rackName(int rack) {
        return "rack-" + rack;
    }

    static String memberId(int m) {
        return String.format("member-%05d", m);
    }

    /** The same topics with no members: the previous state of a full assignment. */
    Scenario withoutMembers() {
        return new Scenario(partitionCounts, Map.of(), racks);
    }

    /** The scenario after a change: one member joins (subscribed like the first), the first leaves, or partitions are added. */
    Scenario after(Change change, int partitionsPerMember) {
        Map<Uuid, Integer> counts = new LinkedHashMap<>(partitionCounts);
        Map<String, Set<Uuid>> members = new LinkedHashMap<>(subscriptions);
        switch (change) {
            case FULL -> { }
            case JOIN -> members.put("member-joined", subscriptions.values().iterator().next());
            case LEAVE -> members.remove(subscriptions.keySet().iterator().next());
            case PARTITIONS_ADDED -> {
                Uuid first = counts.keySet().iterator().next();
                counts.merge(first, partitionsPerMember, Integer::sum);
            }
            default -> throw new IllegalArgumentException(change.name());
        }
        return new Scenario(counts, members, racks);
    }
}
