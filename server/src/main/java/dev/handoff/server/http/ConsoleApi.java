package dev.handoff.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.coordinator.recorder.FlightRecorder;
import dev.handoff.coordinator.recorder.PartitionRef;
import dev.handoff.coordinator.recorder.RebalanceEvent;
import dev.handoff.coordinator.recorder.Timeline;
import dev.handoff.coordinator.runtime.Result;
import dev.handoff.log.PartitionLog;
import dev.handoff.server.group.GroupCoordinatorService;
import dev.handoff.server.http.ConsoleViews.EventView;
import dev.handoff.server.http.ConsoleViews.GroupView;
import dev.handoff.server.http.ConsoleViews.LagView;
import dev.handoff.server.http.ConsoleViews.MemberView;
import dev.handoff.server.http.ConsoleViews.PartitionView;
import dev.handoff.server.http.ConsoleViews.TimelineView;
import dev.handoff.server.http.ConsoleViews.TopicView;
import dev.handoff.server.http.GroupSnapshots.GroupSnapshot;
import dev.handoff.server.metadata.TopicMetadata;
import dev.handoff.server.metadata.TopicService;
import dev.handoff.server.metrics.BrokerMetrics;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.apache.kafka.common.Uuid;

/**
 * The console's JSON API and the Prometheus scrape. Group data comes from operations on the coordinator loop (which
 * hand back immutable copies), log data from the logs' published offsets; nothing here blocks a Netty thread.
 */
final class ConsoleApi {

    private final TopicService topics;
    private final GroupCoordinatorService coordinator;
    private final Optional<FlightRecorder> recorder;
    private final BrokerMetrics metrics;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param recorder the flight recorder, empty when {@code handoff.flight.recorder.enable=false}; it is read on
     *                 the coordinator thread only
     */
    ConsoleApi(TopicService topics, GroupCoordinatorService coordinator, Optional<FlightRecorder> recorder,
               BrokerMetrics metrics) {
        this.topics = topics;
        this.coordinator = coordinator;
        this.recorder = recorder;
        this.metrics = metrics;
    }

    CompletableFuture<HttpReply> topics() {
        return CompletableFuture.completedFuture(HttpReply.json(write(topicViews())));
    }

    private List<TopicView> topicViews() {
        List<TopicView> views = new ArrayList<>();
        for (TopicMetadata topic : topics.topics()) {
            List<PartitionView> partitions = new ArrayList<>();
            for (int p = 0; p < topic.partitions(); p++) {
                Optional<PartitionLog> log = topics.partition(topic.name(), p);
                int partition = p;
                partitions.add(log.map(l -> new PartitionView(partition, l.logStartOffset(), l.logEndOffset(),
                    l.sizeInBytes())).orElse(new PartitionView(partition, 0, 0, 0)));
            }
            views.add(new TopicView(topic.name(), topic.topicId().toString(), topic.name().startsWith("__"),
                partitions));
        }
        views.sort((a, b) -> a.name().compareTo(b.name()));
        return views;
    }

    CompletableFuture<HttpReply> groups() {
        return groupViews().thenApply(views -> HttpReply.json(write(views)));
    }

    private CompletableFuture<List<GroupView>> groupViews() {
        return coordinator.submit("console-groups", (shard, nowMs) -> Result.of(GroupSnapshots.take(shard, nowMs)))
            .thenApply(snapshots -> snapshots.stream().map(this::withLag).toList());
    }

    private GroupView withLag(GroupSnapshot group) {
        List<LagView> lag = new ArrayList<>();
        group.committed().forEach((topic, partitions) -> partitions.forEach((partition, offset) -> {
            long end = topics.partition(topic, partition).map(PartitionLog::logEndOffset).orElse(-1L);
            lag.add(new LagView(topic, partition, offset, end, end < 0 ? -1 : Math.max(0, end - offset)));
        }));
        return new GroupView(group.groupId(), group.type(), group.state(), group.protocolType(), group.epoch(),
            group.assignmentEpoch(), group.members(), lag);
    }

    /** The group's flight recording after {@code afterSequence}; an unknown group has an empty timeline. */
    CompletableFuture<HttpReply> timeline(String groupId, long afterSequence) {
        if (recorder.isEmpty()) {
            return CompletableFuture.completedFuture(HttpReply.json(write(
                new TimelineView(groupId, false, 0, 0, List.of()))));
        }
        FlightRecorder flightRecorder = recorder.get();
        return coordinator.submit("console-timeline",
                (shard, nowMs) -> Result.of(flightRecorder.timeline(groupId, afterSequence)))
            .thenApply(timeline -> HttpReply.json(write(timelineView(groupId, timeline))));
    }

    private TimelineView timelineView(String groupId, Optional<Timeline> timeline) {
        if (timeline.isEmpty()) {
            return new TimelineView(groupId, true, 0, 0, List.of());
        }
        Map<Uuid, String> names = new HashMap<>();
        List<EventView> events = new ArrayList<>();
        for (RebalanceEvent event : timeline.get().events()) {
            List<String> partitions = new ArrayList<>();
            for (PartitionRef ref : event.partitions()) {
                String topic = names.computeIfAbsent(ref.topicId(),
                    id -> topics.topic(id).map(TopicMetadata::name).orElse(id.toString()));
                partitions.add(topic + "-" + ref.partition());
            }
            events.add(new EventView(event.sequence(), event.timeMs(), event.type().name(), event.cause().name(),
                event.memberId(), event.otherMemberId(), event.epoch(), partitions, event.count(),
                event.durationMs(), event.detail()));
        }
        return new TimelineView(groupId, true, timeline.get().lastSequence(), timeline.get().dropped(), events);
    }

    /** Refreshes the log and group gauges from fresh snapshots, then scrapes. */
    CompletableFuture<HttpReply> prometheus() {
        List<BrokerMetrics.LogRow> logs = new ArrayList<>();
        for (TopicView topic : topicViews()) {
            topic.partitions().forEach(p -> logs.add(new BrokerMetrics.LogRow(topic.name(), p.partition(),
                p.logEndOffset(), p.sizeBytes())));
        }
        metrics.refreshLogs(logs);
        return groupViews().handle((groups, error) -> {
            if (groups != null) {
                Map<List<String>, Long> byTypeAndState = new TreeMap<>((a, b) -> String.join("|", a)
                    .compareTo(String.join("|", b)));
                Map<String, Long> byProtocol = new TreeMap<>();
                for (GroupView group : groups) {
                    byTypeAndState.merge(List.of(group.type(), group.state()), 1L, Long::sum);
                    for (MemberView member : group.members()) {
                        byProtocol.merge(member.protocol(), 1L, Long::sum);
                    }
                }
                metrics.refreshGroups(byTypeAndState, byProtocol);
            }
            return new HttpReply(HttpResponseStatus.OK, BrokerMetrics.contentType(),
                metrics.scrape().getBytes(StandardCharsets.UTF_8));
        });
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the console's JSON", e);
        }
    }
}
