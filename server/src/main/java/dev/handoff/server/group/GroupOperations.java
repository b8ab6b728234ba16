package dev.handoff.server.group;

import java.util.EnumSet;
import org.apache.kafka.common.acl.AclOperation;

/**
 * The operations a client may perform on a group, as DescribeGroups (v3+) and ConsumerGroupDescribe report them
 * when asked (KIP-430). Without an authorizer everything a group supports is allowed.
 */
final class GroupOperations {

    /** Kafka's operations on the GROUP resource. */
    static final int ALL = bits(EnumSet.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE));

    private GroupOperations() {
    }

    private static int bits(EnumSet<AclOperation> operations) {
        int bits = 0;
        for (AclOperation operation : operations) {
            bits |= 1 << operation.code();
        }
        return bits;
    }
}
