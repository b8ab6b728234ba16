package dev.handoff.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The console's files, bundled in the jar under {@code console/}. Only the names listed here are served, so no
 * request path ever reaches the class loader.
 */
final class StaticAssets {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
        "index.html", "text/html; charset=utf-8",
        "console.js", "text/javascript; charset=utf-8",
        "console.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> files;

    StaticAssets() {
        this.files = Map.of(
            "index.html", load("index.html"),
            "console.js", load("console.js"),
            "console.css", load("console.css"));
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The console asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<HttpReply> get(String name) {
        return Optional.ofNullable(files.get(name))
            .map(body -> new HttpReply(HttpResponseStatus.OK, CONTENT_TYPES.get(name), body));
    }
}
