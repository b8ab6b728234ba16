/**
 * Broker metrics on Micrometer, exposed in the Prometheus text format by the HTTP listener
 * ({@code metrics.listener}): requests by API and error code with latency histograms, bytes in and out, log end
 * offsets and sizes, groups by type and state, members by protocol, and the flight recorder's rebalances, handoff
 * durations and assignor times. Names follow Prometheus conventions (base units in the name, {@code _total} for
 * counters); see docs/observability.md.
 */
package dev.handoff.server.metrics;
