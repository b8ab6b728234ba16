package dev.handoff.server.handler;

import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.protocol.Errors;

/**
 * Facts every handler reports the same way on a single-node broker: this node leads every partition at leader
 * epoch 0 and is its only replica; with no authorizer every operation is allowed.
 */
final class SingleNode {

    /** Reported in Metadata, Fetch, ListOffsets and DescribeTopicPartitions alike. */
    static final int LEADER_EPOCH = 0;

    static final int TOPIC_OPERATIONS = bits(EnumSet.of(AclOperation.READ, AclOperation.WRITE,
            AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS));

    static final int CLUSTER_OPERATIONS = bits(EnumSet.of(AclOperation.CREATE, AclOperation.ALTER,
            AclOperation.DESCRIBE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS,
            AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE));

    private SingleNode() {
    }

    /**
     * Checks a client's view of the leader epoch (Fetch v9+, ListOffsets v4+; -1 means "do not check"): a newer
     * epoch than ours is UNKNOWN_LEADER_EPOCH, an older one FENCED_LEADER_EPOCH.
     */
    static Errors checkLeaderEpoch(int currentLeaderEpoch) {
        if (currentLeaderEpoch == -1 || currentLeaderEpoch == LEADER_EPOCH) {
            return Errors.NONE;
        }
        return currentLeaderEpoch > LEADER_EPOCH ? Errors.UNKNOWN_LEADER_EPOCH : Errors.FENCED_LEADER_EPOCH;
    }

    private static int bits(Set<AclOperation> operations) {
        int bits = 0;
        for (AclOperation operation : operations) {
            bits |= 1 << operation.code();
        }
        return bits;
    }
}
