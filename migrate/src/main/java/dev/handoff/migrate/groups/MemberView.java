package dev.handoff.migrate.groups;

import java.util.List;

/**
 * One member as the coordinator describes it. In a consumer group the assigned partitions are what the member
 * owns now and the target is what the group wants it to own (KIP-848); the difference is its pending work.
 *
 * @param protocol           {@code consumer}, or {@code classic} for a classic member, also inside a consumer group
 *                           during an upgrade (ConsumerGroupDescribe v1 member type, KIP-1099)
 * @param memberEpoch        {@code null} for classic groups, which have no member epochs
 * @param target             {@code null} for classic groups, which have no target assignment
 * @param pendingRevocation  owned but not in the target: the member still has to give these up
 * @param pendingAssignment  in the target but not owned: waiting for their previous owner to revoke them
 */
public record MemberView(
        String memberId,
        String instanceId,
        String clientId,
        String host,
        String protocol,
        Integer memberEpoch,
        List<String> assigned,
        List<String> target,
        List<String> pendingRevocation,
        List<String> pendingAssignment) {

    public static final String CONSUMER = "consumer";
    public static final String CLASSIC = "classic";

    public boolean isClassic() {
        return CLASSIC.equals(protocol);
    }
}
