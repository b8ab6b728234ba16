package dev.handoff.migrate.doctor;

import java.util.List;

/** A cluster that does not offer the consumer protocol makes the whole upgrade impossible. */
final class ConsumerProtocolRule implements DoctorRule {

    static final String NOT_OFFERED = "CONSUMER_PROTOCOL_NOT_OFFERED";
    static final String UNKNOWN = "CONSUMER_PROTOCOL_UNKNOWN";

    @Override
    public List<Finding> examine(DoctorSnapshot snapshot) {
        ProtocolSupport support = snapshot.protocol();
        return switch (support.status()) {
            case OFFERED -> List.of();
            case NOT_OFFERED -> List.of(new Finding(Severity.ERROR, NOT_OFFERED, "cluster",
                    "The brokers do not offer the consumer group protocol (KIP-848): " + support.evidence() + ".",
                    "Upgrade the brokers to Kafka 4.0 or later (or Handoff) and make sure the group.version feature "
                            + "is at 1 or above (kafka-features.sh upgrade --feature group.version=1); until "
                            + "then clients must keep group.protocol=classic."));
            case UNKNOWN -> List.of(new Finding(Severity.WARNING, UNKNOWN, "cluster",
                    "Could not tell whether the brokers offer the consumer group protocol: "
                            + support.evidence() + ".",
                    "Check the brokers' version and the group.version feature with kafka-features.sh describe."));
        };
    }
}
