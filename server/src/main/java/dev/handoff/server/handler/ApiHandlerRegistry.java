package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;

/**
 * The handlers this broker runs, by API key. Dispatch and ApiVersions both read it, so what we advertise is
 * always exactly what we implement.
 */
public final class ApiHandlerRegistry {

    private final Map<ApiKeys, ApiHandler<?, ?>> handlers;

    public ApiHandlerRegistry(Collection<? extends ApiHandler<?, ?>> handlerList) {
        Map<ApiKeys, ApiHandler<?, ?>> byKey = new EnumMap<>(ApiKeys.class);
        for (ApiHandler<?, ?> handler : handlerList) {
            if (byKey.put(handler.apiKey(), handler) != null) {
                throw new IllegalArgumentException("Two handlers for " + handler.apiKey());
            }
            if (handler.minVersion() < handler.apiKey().oldestVersion()
                    || handler.maxVersion() > handler.apiKey().latestVersion(true)) {
                throw new IllegalArgumentException(handler.apiKey() + " range " + handler.minVersion() + "-"
                        + handler.maxVersion() + " is outside what kafka-clients can parse");
            }
        }
        this.handlers = Collections.unmodifiableMap(byKey);
    }

    /** A registry of the given handlers plus an ApiVersions handler that advertises all of them. */
    public static ApiHandlerRegistry withApiVersions(ClusterInfo cluster, List<ApiHandler<?, ?>> handlers) {
        List<ApiHandler<?, ?>> all = new ArrayList<>(handlers);
        all.add(new ApiVersionsHandler(cluster, handlers));
        return new ApiHandlerRegistry(all);
    }

    public Optional<ApiHandler<?, ?>> handler(ApiKeys apiKey) {
        return Optional.ofNullable(handlers.get(apiKey));
    }

    public Collection<ApiHandler<?, ?>> handlers() {
        return handlers.values();
    }

    /** The ApiKeys list of an ApiVersions response, in API key order. */
    public ApiVersionCollection apiVersions() {
        return versionsOf(handlers.values());
    }

    static ApiVersionCollection versionsOf(Collection<? extends ApiHandler<?, ?>> handlerList) {
        List<ApiHandler<?, ?>> sorted = new ArrayList<>(handlerList);
        sorted.sort(Comparator.comparingInt(h -> h.apiKey().id));
        ApiVersionCollection versions = new ApiVersionCollection();
        for (ApiHandler<?, ?> handler : sorted) {
            versions.add(new ApiVersion()
                    .setApiKey(handler.apiKey().id)
                    .setMinVersion(handler.advertisedMinVersion())
                    .setMaxVersion(handler.maxVersion()));
        }
        return versions;
    }
}
