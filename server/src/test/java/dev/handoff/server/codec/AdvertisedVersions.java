package dev.handoff.server.codec;

import dev.handoff.server.handler.ApiHandler;
import dev.handoff.server.handler.ApiHandlerRegistry;
import dev.handoff.server.handler.BrokerHandlers;
import dev.handoff.server.handler.BrokerServices;
import dev.handoff.server.metadata.ClusterInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.params.provider.Arguments;

/** Every (API, version) pair the broker advertises, as JUnit arguments. */
final class AdvertisedVersions {

    private AdvertisedVersions() {
    }

    static List<Arguments> all() {
        // Handlers only keep references at construction, so their version ranges can be read without services.
        BrokerServices services = new BrokerServices(new ClusterInfo("cluster", 1), null, null, null, null, true);
        ApiHandlerRegistry registry = ApiHandlerRegistry.withApiVersions(new ClusterInfo("cluster", 1),
                BrokerHandlers.create(services));
        List<Arguments> result = new ArrayList<>();
        for (ApiHandler<?, ?> handler : registry.handlers()) {
            for (short v = handler.minVersion(); v <= handler.maxVersion(); v++) {
                result.add(Arguments.of(handler.apiKey(), v));
            }
        }
        return result;
    }

    static List<ApiKeys> keys() {
        return all().stream().map(a -> (ApiKeys) a.get()[0]).distinct().toList();
    }
}
