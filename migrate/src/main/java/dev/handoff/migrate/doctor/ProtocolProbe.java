package dev.handoff.migrate.doctor;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Futures;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * Finds out whether a cluster offers the consumer group protocol. First the finalized {@code group.version}
 * feature (Kafka 4.x enables KIP-848 at level 1; {@code Admin.describeFeatures} works over any security protocol);
 * failing that, whether ApiVersions lists ConsumerGroupHeartbeat, which needs a PLAINTEXT listener.
 */
final class ProtocolProbe {

    static final String GROUP_VERSION_FEATURE = "group.version";

    private ProtocolProbe() {
    }

    static ProtocolSupport probe(Admin admin, ClientSettings settings) {
        Optional<FinalizedVersionRange> groupVersion = finalizedGroupVersion(admin);
        if (groupVersion.isPresent()) {
            short level = groupVersion.get().maxVersionLevel();
            String evidence = GROUP_VERSION_FEATURE + "=" + level + " finalized";
            return level >= 1 ? ProtocolSupport.offered(evidence) : ProtocolSupport.notOffered(evidence);
        }
        if (!"PLAINTEXT".equalsIgnoreCase(settings.securityProtocol())) {
            return ProtocolSupport.unknown("no " + GROUP_VERSION_FEATURE + " feature, and the ApiVersions probe "
                    + "needs a PLAINTEXT listener");
        }
        String broker = settings.bootstrapServers().split(",")[0].strip();
        try {
            Optional<ApiVersion> heartbeat = ApiVersionsProbe.versionsOf(broker, ApiKeys.CONSUMER_GROUP_HEARTBEAT);
            return heartbeat
                    .map(v -> ProtocolSupport.offered("ApiVersions lists ConsumerGroupHeartbeat v"
                            + v.minVersion() + "-" + v.maxVersion()))
                    .orElseGet(() -> ProtocolSupport.notOffered("ApiVersions of " + broker
                            + " does not list ConsumerGroupHeartbeat"));
        } catch (IOException | RuntimeException e) {
            return ProtocolSupport.unknown("ApiVersions probe of " + broker + " failed: " + e.getMessage());
        }
    }

    private static Optional<FinalizedVersionRange> finalizedGroupVersion(Admin admin) {
        try {
            return Optional.ofNullable(
                    Futures.get(admin.describeFeatures().featureMetadata()).finalizedFeatures()
                            .get(GROUP_VERSION_FEATURE));
        } catch (KafkaException e) {
            return Optional.empty();
        }
    }
}
