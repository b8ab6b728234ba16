package dev.handoff.coordinator.assignor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.Uuid;

/** Random groups and membership changes drawn from one seed, for the assignor properties. */
final class RandomGroups {

    enum Change { JOIN, LEAVE, TOPIC_ADDED, PARTITIONS_GROWN, SUBSCRIPTION_CHANGED }

    final Random random;
    final Map<Uuid, Integer> partitionCounts = new LinkedHashMap<>();
    final Map<String, Set<Uuid>> subscriptions = new LinkedHashMap<>();
    final boolean homogeneous;
    private int nextMember;
    private int nextTopic;

    RandomGroups(long seed, boolean homogeneous) {
        this.random = new Random(seed);
        this.homogeneous = homogeneous;
        int topics = 1 + random.nextInt(4);
        for (int t = 0; t < topics; t++) {
            addTopic();
        }
        int members = 1 + random.nextInt(8);
        for (int m = 0; m < members; m++) {
            join();
        }
    }

    private void addTopic() {
        partitionCounts.put(Groups.topic(++nextTopic), random.nextInt(13));
    }

    private Set<Uuid> drawSubscription() {
        if (homogeneous) {
            return Set.copyOf(partitionCounts.keySet());
        }
        Set<Uuid> drawn = new TreeSet<>();
        for (Uuid topic : partitionCounts.keySet()) {
            if (random.nextInt(3) > 0) {
                drawn.add(topic);
            }
        }
        return Set.copyOf(drawn);
    }

    String join() {
        String memberId = "m" + (++nextMember);
        subscriptions.put(memberId, drawSubscription());
        return memberId;
    }

    String leave() {
        List<String> ids = new ArrayList<>(subscriptions.keySet());
        String leaving = ids.get(random.nextInt(ids.size()));
        subscriptions.remove(leaving);
        return leaving;
    }

    /** Applies a random change; LEAVE only when more than one member remains. */
    Change change() {
        Change change = Change.values()[random.nextInt(Change.values().length)];
        if (change == Change.LEAVE && subscriptions.size() <= 1) {
            change = Change.JOIN;
        }
        switch (change) {
            case JOIN -> join();
            case LEAVE -> leave();
            case TOPIC_ADDED -> {
                addTopic();
                if (homogeneous) {
                    subscriptions.replaceAll((id, topics) -> Set.copyOf(partitionCounts.keySet()));
                }
            }
            case PARTITIONS_GROWN -> {
                List<Uuid> topics = new ArrayList<>(partitionCounts.keySet());
                partitionCounts.merge(topics.get(random.nextInt(topics.size())), 1 + random.nextInt(4), Integer::sum);
            }
            case SUBSCRIPTION_CHANGED -> {
                if (!homogeneous) {
                    List<String> ids = new ArrayList<>(subscriptions.keySet());
                    subscriptions.put(ids.get(random.nextInt(ids.size())), drawSubscription());
                }
            }
            default -> throw new IllegalStateException();
        }
        return change;
    }

    MapTopicDescriber topics() {
        return MapTopicDescriber.of(partitionCounts);
    }

    /** The group with each member's current assignment taken from {@code previous} (empty for newcomers). */
    GroupSpec spec(GroupAssignment previous) {
        List<MemberSpec> members = new ArrayList<>();
        subscriptions.forEach((id, topics) -> members.add(MemberSpec.of(id, topics, previous.member(id))));
        return GroupSpec.of(members);
    }

    /** The same group with members and every map in reverse insertion order. */
    static GroupSpec reordered(GroupSpec group) {
        List<MemberSpec> reversed = new ArrayList<>();
        for (int m = group.size() - 1; m >= 0; m--) {
            MemberSpec member = group.member(m);
            List<Map.Entry<Uuid, PartitionSet>> entries = new ArrayList<>(member.currentAssignment().partitions().entrySet());
            Map<Uuid, PartitionSet> reversedMap = new LinkedHashMap<>();
            for (int i = entries.size() - 1; i >= 0; i--) {
                reversedMap.put(entries.get(i).getKey(), entries.get(i).getValue());
            }
            List<Uuid> topics = new ArrayList<>(member.subscribedTopicIds());
            Collections.reverse(topics);
            reversed.add(new MemberSpec(member.memberId(), member.instanceId(), member.rackId(),
                    new LinkedHashSet<>(topics), MemberAssignment.of(new HashMap<>(reversedMap))));
        }
        return GroupSpec.of(reversed);
    }
}
