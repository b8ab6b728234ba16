package dev.handoff.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * GET routes by path: exact paths, and prefixes whose remainder (URL-decoded) is passed to the route. The first
 * matching prefix, in registration order, wins.
 */
final class RouteMap {

    /** Answers one GET. */
    @FunctionalInterface
    interface Route {
        /**
         * @param rest  the URL-decoded path after a prefix route's prefix; empty for an exact route
         * @param query the request's path and query parameters
         */
        CompletableFuture<HttpReply> handle(String rest, QueryStringDecoder query);
    }

    private final Map<String, Route> exact = new LinkedHashMap<>();
    private final Map<String, Route> prefixes = new LinkedHashMap<>();

    RouteMap exact(String path, Route route) {
        exact.put(path, route);
        return this;
    }

    RouteMap prefix(String prefix, Route route) {
        prefixes.put(prefix, route);
        return this;
    }

    /** @return the route for a raw (still encoded) path, with the decoded remainder; empty if none matches */
    Optional<Map.Entry<String, Route>> match(String rawPath) {
        Route route = exact.get(rawPath);
        if (route != null) {
            return Optional.of(Map.entry("", route));
        }
        for (Map.Entry<String, Route> prefix : prefixes.entrySet()) {
            if (rawPath.startsWith(prefix.getKey()) && rawPath.length() > prefix.getKey().length()) {
                String rest = QueryStringDecoder.decodeComponent(rawPath.substring(prefix.getKey().length()));
                return Optional.of(Map.entry(rest, prefix.getValue()));
            }
        }
        return Optional.empty();
    }
}
