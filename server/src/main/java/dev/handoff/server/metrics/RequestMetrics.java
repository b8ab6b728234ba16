package dev.handoff.server.metrics;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/** What the request pipeline reports for every request and every byte; {@link #NONE} when metrics are off. */
public interface RequestMetrics {

    RequestMetrics NONE = new RequestMetrics() {
        @Override
        public void requestCompleted(ApiKeys api, Errors error, long durationNanos) {
            // metrics are off
        }

        @Override
        public void bytesReceived(long bytes) {
            // metrics are off
        }

        @Override
        public void bytesSent(long bytes) {
            // metrics are off
        }
    };

    /**
     * @param error         the response's top-level error code (NONE for APIs that only have per-partition
     *                      errors), or the error the handler failed with
     * @param durationNanos from dispatch to the response being handed to the pipeline
     */
    void requestCompleted(ApiKeys api, Errors error, long durationNanos);

    void bytesReceived(long bytes);

    void bytesSent(long bytes);
}
