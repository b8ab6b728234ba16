package dev.handoff.coordinator.classic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.handoff.coordinator.record.ClassicMemberValue;
import dev.handoff.coordinator.record.ClassicMemberValue.ProtocolValue;
import org.apache.kafka.common.utils.Bytes;

/**
 * A member of a classic group. The persisted part is {@link #toValue()}; the flags for parked requests and
 * the "new member" mark are in-memory only.
 */
final class ClassicGroupMember {

    private static final Bytes EMPTY = Bytes.wrap(new byte[0]);

    private final String memberId;
    private final String groupInstanceId;
    private final String clientId;
    private final String clientHost;
    private final String protocolType;
    private int rebalanceTimeoutMs;
    private int sessionTimeoutMs;
    private List<ProtocolValue> protocols;
    private Bytes assignment = EMPTY;
    private boolean awaitingJoin;
    private boolean awaitingSync;
    private boolean isNew;

    ClassicGroupMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                       String protocolType, int rebalanceTimeoutMs, int sessionTimeoutMs,
                       List<ProtocolValue> protocols) {
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.groupInstanceId = groupInstanceId;
        this.clientId = clientId == null ? "" : clientId;
        this.clientHost = clientHost == null ? "" : clientHost;
        this.protocolType = protocolType;
        this.rebalanceTimeoutMs = rebalanceTimeoutMs;
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.protocols = List.copyOf(protocols);
    }

    static ClassicGroupMember fromValue(ClassicMemberValue value, String protocolType) {
        ClassicGroupMember member = new ClassicGroupMember(value.memberId(), value.groupInstanceId(),
            value.clientId(), value.clientHost(), protocolType, value.rebalanceTimeoutMs(), value.sessionTimeoutMs(),
            value.protocols());
        member.assignment = value.assignment();
        return member;
    }

    /** @return this member under a new id (static member replacement, KIP-345), parked flags cleared */
    ClassicGroupMember withMemberId(String newMemberId) {
        ClassicGroupMember copy = new ClassicGroupMember(newMemberId, groupInstanceId, clientId, clientHost,
            protocolType, rebalanceTimeoutMs, sessionTimeoutMs, protocols);
        copy.assignment = assignment;
        return copy;
    }

    ClassicMemberValue toValue() {
        return new ClassicMemberValue(memberId, groupInstanceId, clientId, clientHost, rebalanceTimeoutMs,
            sessionTimeoutMs, protocols, assignment);
    }

    String memberId() {
        return memberId;
    }

    String groupInstanceId() {
        return groupInstanceId;
    }

    boolean isStatic() {
        return groupInstanceId != null;
    }

    String clientId() {
        return clientId;
    }

    String clientHost() {
        return clientHost;
    }

    String protocolType() {
        return protocolType;
    }

    int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    List<ProtocolValue> protocols() {
        return protocols;
    }

    void update(List<ProtocolValue> newProtocols, int newRebalanceTimeoutMs, int newSessionTimeoutMs) {
        this.protocols = List.copyOf(newProtocols);
        this.rebalanceTimeoutMs = newRebalanceTimeoutMs;
        this.sessionTimeoutMs = newSessionTimeoutMs;
    }

    /** @return true if the protocols (names, order and metadata) are the same */
    boolean matches(List<ProtocolValue> otherProtocols) {
        return protocols.equals(otherProtocols);
    }

    /** @return the metadata this member sent for {@code protocolName} */
    Optional<Bytes> metadata(String protocolName) {
        return protocols.stream().filter(p -> p.name().equals(protocolName)).map(ProtocolValue::metadata).findFirst();
    }

    /** @return the first of this member's protocols (in its preference order) that is among {@code candidates} */
    Optional<String> vote(Set<String> candidates) {
        return protocols.stream().map(ProtocolValue::name).filter(candidates::contains).findFirst();
    }

    Bytes assignment() {
        return assignment;
    }

    void setAssignment(Bytes newAssignment) {
        this.assignment = newAssignment == null ? EMPTY : newAssignment;
    }

    boolean isAwaitingJoin() {
        return awaitingJoin;
    }

    void setAwaitingJoin(boolean awaitingJoin) {
        this.awaitingJoin = awaitingJoin;
    }

    boolean isAwaitingSync() {
        return awaitingSync;
    }

    void setAwaitingSync(boolean awaitingSync) {
        this.awaitingSync = awaitingSync;
    }

    boolean isNew() {
        return isNew;
    }

    void setNew(boolean isNew) {
        this.isNew = isNew;
    }

    /**
     * A parked member cannot heartbeat (its connection waits for the response), so its session is considered
     * alive; a brand-new member gets no such grace (Kafka's {@code hasSatisfiedHeartbeat}).
     */
    boolean hasSatisfiedHeartbeat() {
        return !isNew && (awaitingJoin || awaitingSync);
    }
}
