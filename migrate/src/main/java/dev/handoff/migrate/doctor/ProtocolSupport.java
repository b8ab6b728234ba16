package dev.handoff.migrate.doctor;

/**
 * Whether the cluster offers the consumer group protocol (KIP-848), and how that was established.
 *
 * @param evidence what the probe saw, e.g. {@code group.version=1 finalized}
 */
public record ProtocolSupport(Status status, String evidence) {

    public enum Status {
        OFFERED,
        NOT_OFFERED,
        UNKNOWN
    }

    public static ProtocolSupport offered(String evidence) {
        return new ProtocolSupport(Status.OFFERED, evidence);
    }

    public static ProtocolSupport notOffered(String evidence) {
        return new ProtocolSupport(Status.NOT_OFFERED, evidence);
    }

    public static ProtocolSupport unknown(String evidence) {
        return new ProtocolSupport(Status.UNKNOWN, evidence);
    }
}
