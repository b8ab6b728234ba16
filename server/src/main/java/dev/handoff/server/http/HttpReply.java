package dev.handoff.server.http;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A finished HTTP answer: status, content type and body. */
record HttpReply(HttpResponseStatus status, String contentType, byte[] body) {

    static HttpReply text(HttpResponseStatus status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static HttpReply json(byte[] body) {
        return new HttpReply(HttpResponseStatus.OK, "application/json; charset=utf-8", body);
    }
}
