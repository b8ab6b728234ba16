package dev.handoff.server.http;

import java.util.List;

/** The JSON shapes the console API returns: immutable copies, safe to hand to any thread. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    record PartitionView(int partition, long logStartOffset, long logEndOffset, long sizeBytes) {
    }

    record TopicView(String name, String topicId, boolean internal, List<PartitionView> partitions) {
    }

    /**
     * @param protocol   {@code consumer} (KIP-848 heartbeats) or {@code classic} (JoinGroup/SyncGroup)
     * @param epoch      member epoch (consumer protocol) or the group's generation (classic)
     * @param assigned   owned partitions as {@code topic-partition}
     */
    record MemberView(String memberId, String instanceId, String clientId, String clientHost, String protocol,
                      int epoch, List<String> assigned) {
    }

    /** Lag of one partition: committed offset against the log end; -1 where nothing is committed. */
    record LagView(String topic, int partition, long committedOffset, long logEndOffset, long lag) {
    }

    /**
     * @param epoch           group epoch (consumer) or generation (classic)
     * @param assignmentEpoch target assignment epoch (consumer), -1 for classic groups
     */
    record GroupView(String groupId, String type, String state, String protocolType, int epoch,
                     int assignmentEpoch, List<MemberView> members, List<LagView> lag) {
    }

    /** A recorded event with topic ids resolved to names and partitions written as {@code topic-partition}. */
    record EventView(long sequence, long timeMs, String type, String cause, String memberId, String otherMemberId,
                     int epoch, List<String> partitions, int count, double durationMs, String detail) {
    }

    record TimelineView(String groupId, boolean recorderEnabled, long lastSequence, long dropped,
                        List<EventView> events) {
    }
}
