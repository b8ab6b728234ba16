package dev.handoff.coordinator.recorder;

import java.util.List;

/** An event being described by a tracker; {@link #emit()} stamps it with a sequence and keeps it. */
final class EventDraft {

    private final FlightRecorder recorder;
    private final long timeMs;
    private final String groupId;
    private final EventType type;
    private final Cause cause;
    private String memberId;
    private String otherMemberId;
    private int epoch = -1;
    private List<PartitionRef> partitions = List.of();
    private int count = -1;
    private double durationMs = -1;
    private String detail;

    EventDraft(FlightRecorder recorder, long timeMs, String groupId, EventType type, Cause cause) {
        this.recorder = recorder;
        this.timeMs = timeMs;
        this.groupId = groupId;
        this.type = type;
        this.cause = cause;
    }

    EventDraft member(String id) {
        this.memberId = id;
        return this;
    }

    EventDraft otherMember(String id) {
        this.otherMemberId = id;
        return this;
    }

    EventDraft epoch(int value) {
        this.epoch = value;
        return this;
    }

    EventDraft partitions(List<PartitionRef> value) {
        this.partitions = value;
        return this;
    }

    EventDraft count(int value) {
        this.count = value;
        return this;
    }

    EventDraft durationMs(double value) {
        this.durationMs = value;
        return this;
    }

    EventDraft detail(String value) {
        this.detail = value;
        return this;
    }

    void emit() {
        recorder.keep(sequence -> new RebalanceEvent(sequence, timeMs, groupId, type, cause, memberId, otherMemberId,
            epoch, partitions, count, durationMs, detail));
    }
}
