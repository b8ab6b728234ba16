package dev.handoff.lab.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.handoff.lab.timeline.EventKind;
import dev.handoff.lab.timeline.TimelineEvent;

/**
 * Turns the coordinator's flight recording into timeline events of the run, for the report's sequence diagram:
 * member ids become the lab's consumer names, the coordinator's epoch milliseconds become the run's milliseconds.
 * Events of members the lab does not know (none in a fresh group) and types the diagram does not draw
 * ({@code HANDOFF}, which {@code PARTITIONS_ASSIGNED} already shows; {@code MEMBER_AWAY}; {@code GROUP_DELETED})
 * are left out.
 */
final class CoordinatorEvents {

    private CoordinatorEvents() {
    }

    /**
     * @param recorded        the group's events, as polled
     * @param members         the lab's consumers by coordinator member id
     * @param runStartEpochMs the run's start on the broker's clock: both run on this machine, so it is the lab's
     *                        wall clock at the start
     * @return the events the diagram draws, in the recording's order
     */
    static List<TimelineEvent> toTimeline(List<CoordinatorEvent> recorded, Map<String, MemberIds.LabMember> members,
                                          long runStartEpochMs) {
        List<TimelineEvent> events = new ArrayList<>();
        for (CoordinatorEvent event : recorded) {
            kindOf(event.type()).flatMap(kind -> convert(event, kind, members, runStartEpochMs)).ifPresent(events::add);
        }
        return events;
    }

    private static Optional<TimelineEvent> convert(CoordinatorEvent event, EventKind kind,
                                                   Map<String, MemberIds.LabMember> members, long runStartEpochMs) {
        String name;
        int slot;
        if (kind.isCoordinatorStep()) {
            name = TimelineEvent.COORDINATOR;
            slot = TimelineEvent.COORDINATOR_SLOT;
        } else {
            MemberIds.LabMember member = event.memberId() == null ? null : members.get(event.memberId());
            if (member == null) {
                return Optional.empty();
            }
            name = member.name();
            slot = member.slot();
        }
        return Optional.of(new TimelineEvent(event.timeMs() - runStartEpochMs, name, slot, kind,
            partitionNumbers(event.partitions()), Math.max(0, event.count()), Math.max(0, event.epoch())));
    }

    private static Optional<EventKind> kindOf(String type) {
        for (EventKind kind : EventKind.values()) {
            if (kind.name().equals(type) && kind.isRecordedByCoordinator()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The run has one topic, so {@code topic-partition} keeps the number after the last dash. */
    private static List<Integer> partitionNumbers(List<String> partitions) {
        List<Integer> numbers = new ArrayList<>();
        for (String partition : partitions) {
            try {
                numbers.add(Integer.parseInt(partition.substring(partition.lastIndexOf('-') + 1)));
            } catch (NumberFormatException e) {
                // Not a topic-partition: nothing to draw for it.
            }
        }
        numbers.sort(Integer::compare);
        return numbers;
    }
}
