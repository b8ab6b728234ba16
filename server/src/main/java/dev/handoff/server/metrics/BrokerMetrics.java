package dev.handoff.server.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.handoff.coordinator.recorder.Cause;
import dev.handoff.coordinator.recorder.RebalanceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * The broker's meters in one Prometheus registry. Request and traffic meters are updated as requests flow;
 * rebalance meters as the flight recorder reports events; log and group gauges from the snapshot the HTTP listener
 * takes just before each scrape ({@link #refreshLogs}, {@link #refreshGroups}).
 */
public final class BrokerMetrics implements RequestMetrics {

    /** Assignments take microseconds to milliseconds; handoffs milliseconds to minutes. */
    private static final Duration MIN_EXPECTED = Duration.ofNanos(10_000);
    private static final Duration MAX_EXPECTED = Duration.ofMinutes(10);

    /** One row of log gauges. */
    public record LogRow(String topic, int partition, long logEndOffset, long sizeBytes) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter received;
    private final Counter sent;
    private final MultiGauge logEndOffsets;
    private final MultiGauge logSizes;
    private final MultiGauge groups;
    private final MultiGauge members;

    public BrokerMetrics() {
        received = Counter.builder("handoff.network.received").baseUnit("bytes")
            .description("Bytes read from client connections").register(registry);
        sent = Counter.builder("handoff.network.sent").baseUnit("bytes")
            .description("Bytes written to client connections").register(registry);
        logEndOffsets = MultiGauge.builder("handoff.log.end.offset")
            .description("Log end offset per partition").register(registry);
        logSizes = MultiGauge.builder("handoff.log.size").baseUnit("bytes")
            .description("Size on disk per partition").register(registry);
        groups = MultiGauge.builder("handoff.groups")
            .description("Groups by type and state").register(registry);
        members = MultiGauge.builder("handoff.group.members")
            .description("Group members by the protocol they speak").register(registry);
    }

    @Override
    public void requestCompleted(ApiKeys api, Errors error, long durationNanos) {
        Timer.builder("handoff.requests")
            .description("Requests by API and top-level error code, from dispatch to response")
            .tags("api", api.name, "error", error.name())
            .publishPercentileHistogram()
            .minimumExpectedValue(MIN_EXPECTED)
            .maximumExpectedValue(MAX_EXPECTED)
            .register(registry)
            .record(Duration.ofNanos(durationNanos));
    }

    @Override
    public void bytesReceived(long bytes) {
        received.increment(bytes);
    }

    @Override
    public void bytesSent(long bytes) {
        sent.increment(bytes);
    }

    /** Counts and times what the flight recorder reports; called on the coordinator thread. */
    public void onRebalanceEvent(RebalanceEvent event) {
        switch (event.type()) {
            case GROUP_EPOCH_BUMPED -> rebalance("consumer", event.cause());
            case CLASSIC_REBALANCE_STARTED -> rebalance("classic", event.cause());
            case HANDOFF -> Timer.builder("handoff.partition.handoff")
                .description("Time from a partition's revocation request (or release) to its new owner")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry)
                .record(Duration.ofMillis((long) event.durationMs()));
            case TARGET_ASSIGNMENT_COMPUTED -> Timer.builder("handoff.assignment")
                .description("Time of the heartbeat that computed a target assignment, assignor included")
                .tags("assignor", event.detail() == null ? "" : event.detail())
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(Duration.ofNanos((long) (event.durationMs() * 1_000_000)));
            case MEMBER_JOINED, MEMBER_LEFT, MEMBER_FENCED -> Counter.builder("handoff.group.member.changes")
                .description("Members joining, leaving and fenced, by cause")
                .tags("change", event.type().name().toLowerCase(Locale.ROOT), "cause", causeTag(event.cause()))
                .register(registry)
                .increment();
            default -> {
                // revocations and assignments show on the console timeline
            }
        }
    }

    private void rebalance(String groupType, Cause cause) {
        Counter.builder("handoff.rebalances")
            .description("Group epoch bumps (consumer) and rebalances (classic), by cause")
            .tags("group_type", groupType, "cause", causeTag(cause))
            .register(registry)
            .increment();
    }

    private static String causeTag(Cause cause) {
        return cause.name().toLowerCase(Locale.ROOT);
    }

    public void refreshLogs(List<LogRow> rows) {
        List<MultiGauge.Row<?>> offsets = new ArrayList<>();
        List<MultiGauge.Row<?>> sizes = new ArrayList<>();
        for (LogRow row : rows) {
            Tags tags = Tags.of("topic", row.topic(), "partition", Integer.toString(row.partition()));
            offsets.add(MultiGauge.Row.of(tags, row.logEndOffset()));
            sizes.add(MultiGauge.Row.of(tags, row.sizeBytes()));
        }
        logEndOffsets.register(offsets, true);
        logSizes.register(sizes, true);
    }

    /**
     * @param groupsByTypeAndState count per (type, state), e.g. ("consumer", "Stable")
     * @param membersByProtocol    count per protocol, "consumer" or "classic"
     */
    public void refreshGroups(Map<List<String>, Long> groupsByTypeAndState, Map<String, Long> membersByProtocol) {
        List<MultiGauge.Row<?>> groupRows = new ArrayList<>();
        groupsByTypeAndState.forEach((key, count) ->
            groupRows.add(MultiGauge.Row.of(Tags.of("type", key.get(0), "state", key.get(1)), count)));
        groups.register(groupRows, true);
        List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
        membersByProtocol.forEach((protocol, count) ->
            memberRows.add(MultiGauge.Row.of(Tags.of("protocol", protocol), count)));
        members.register(memberRows, true);
    }

    /** @return every meter in the Prometheus text format 0.0.4 */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
