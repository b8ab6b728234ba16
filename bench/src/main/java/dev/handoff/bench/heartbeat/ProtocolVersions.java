package dev.handoff.bench.heartbeat;

import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/** The versions both sides speak, from the broker's ApiVersions answer: the highest one in both ranges. */
final class ProtocolVersions {

    private final ApiVersionsResponseData broker;

    ProtocolVersions(ApiVersionsResponseData broker) {
        if (broker.errorCode() != Errors.NONE.code()) {
            throw new IllegalStateException("ApiVersions failed: " + Errors.forCode(broker.errorCode()));
        }
        this.broker = broker;
    }

    /**
     * @param lowest the lowest version this client can work with
     * @throws IllegalStateException if the broker does not offer the API at {@code lowest} or above
     */
    short highestCommon(ApiKeys apiKey, short lowest) {
        ApiVersionsResponseData.ApiVersion offered = broker.apiKeys().find(apiKey.id);
        if (offered == null) {
            throw new IllegalStateException("The broker does not offer " + apiKey);
        }
        short version = (short) Math.min(apiKey.latestVersion(), offered.maxVersion());
        if (version < lowest || version < offered.minVersion()) {
            throw new IllegalStateException("The broker offers " + apiKey + " v" + offered.minVersion() + "-"
                    + offered.maxVersion() + "; this client needs v" + lowest + "-" + apiKey.latestVersion());
        }
        return version;
    }
}
