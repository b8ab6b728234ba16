/**
 * The broker's HTTP listener ({@code metrics.listener}, off unless configured): the Prometheus endpoint and the
 * read-only web console with its JSON API. A GET-only route map on Netty's HTTP codec (404 for unknown paths, 405
 * for other methods). Everything it shows is read through operations on the coordinator loop (describe, list,
 * offset fetch, the flight recorder's timeline) that return immutable copies, or from the logs' published offsets;
 * the console's assets are bundled in the jar and work offline.
 */
package dev.handoff.server.http;
