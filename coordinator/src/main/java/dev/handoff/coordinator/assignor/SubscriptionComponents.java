package dev.handoff.coordinator.assignor;

import java.util.Arrays;

import org.apache.kafka.common.Uuid;

/**
 * Splits a group into independent parts: members and topics connected through subscriptions. A part whose
 * members all share one subscription is homogeneous and takes the fast quota path even when the group as a
 * whole is heterogeneous (typical of groups where each team's consumers read their own topics).
 */
final class SubscriptionComponents {

    /** Members (in member id order) and topics (in index order) of one component. */
    record Component(int[] members, int[] topics, boolean homogeneous) {
    }

    private SubscriptionComponents() {
    }

    static Component[] of(GroupSpec group, TopicIndex index) {
        int classes = group.subscriptions().size();
        int[] parent = new int[index.topicCount()];
        Arrays.setAll(parent, t -> t);
        int[] firstTopicOfClass = new int[classes];
        for (int c = 0; c < classes; c++) {
            firstTopicOfClass[c] = -1;
            for (Uuid topicId : group.subscriptions().get(c)) {
                int topic = index.indexOf(topicId);
                if (firstTopicOfClass[c] < 0) {
                    firstTopicOfClass[c] = topic;
                } else {
                    union(parent, firstTopicOfClass[c], topic);
                }
            }
        }
        int[] componentOfRoot = new int[parent.length];
        Arrays.fill(componentOfRoot, -1);
        int count = 0;
        int[] topicCount = new int[parent.length];
        for (int t = 0; t < parent.length; t++) {
            int root = find(parent, t);
            if (componentOfRoot[root] < 0) {
                componentOfRoot[root] = count++;
            }
            topicCount[componentOfRoot[root]]++;
        }
        int[] classesInComponent = new int[count];
        for (int c = 0; c < classes; c++) {
            if (firstTopicOfClass[c] >= 0) {
                classesInComponent[componentOfRoot[find(parent, firstTopicOfClass[c])]]++;
            }
        }
        int[] memberCount = new int[count];
        int[] componentOfMember = new int[group.size()];
        for (int m = 0; m < group.size(); m++) {
            int first = firstTopicOfClass[group.subscriptionOf(m)];
            componentOfMember[m] = first < 0 ? -1 : componentOfRoot[find(parent, first)];
            if (componentOfMember[m] >= 0) {
                memberCount[componentOfMember[m]]++;
            }
        }
        Component[] components = new Component[count];
        int[][] members = new int[count][];
        int[][] topics = new int[count][];
        for (int k = 0; k < count; k++) {
            members[k] = new int[memberCount[k]];
            topics[k] = new int[topicCount[k]];
            memberCount[k] = 0;
            topicCount[k] = 0;
        }
        for (int m = 0; m < componentOfMember.length; m++) {
            int k = componentOfMember[m];
            if (k >= 0) {
                members[k][memberCount[k]++] = m;
            }
        }
        for (int t = 0; t < parent.length; t++) {
            int k = componentOfRoot[find(parent, t)];
            topics[k][topicCount[k]++] = t;
        }
        for (int k = 0; k < count; k++) {
            components[k] = new Component(members[k], topics[k], classesInComponent[k] == 1);
        }
        return components;
    }

    private static int find(int[] parent, int node) {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    private static void union(int[] parent, int a, int b) {
        int rootA = find(parent, a);
        int rootB = find(parent, b);
        if (rootA != rootB) {
            // Lower index as root keeps the numbering independent of union order.
            parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
        }
    }
}
