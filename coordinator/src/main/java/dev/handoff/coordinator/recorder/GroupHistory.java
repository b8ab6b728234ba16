package dev.handoff.coordinator.recorder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** One group's events in a ring of fixed capacity: the oldest event goes when a new one arrives at the bound. */
final class GroupHistory {

    private final String groupId;
    private final int capacity;
    private final ArrayDeque<RebalanceEvent> events;
    private long dropped;

    GroupHistory(String groupId, int capacity) {
        this.groupId = groupId;
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 64));
    }

    void add(RebalanceEvent event) {
        if (events.size() == capacity) {
            events.pollFirst();
            dropped++;
        }
        events.addLast(event);
    }

    /** @return the events with a sequence above {@code afterSequence} */
    Timeline after(long afterSequence) {
        List<RebalanceEvent> newer = new ArrayList<>();
        Iterator<RebalanceEvent> newestFirst = events.descendingIterator();
        while (newestFirst.hasNext()) {
            RebalanceEvent event = newestFirst.next();
            if (event.sequence() <= afterSequence) {
                break;
            }
            newer.add(event);
        }
        Collections.reverse(newer);
        return new Timeline(groupId, newer, lastSequence(), dropped);
    }

    long lastSequence() {
        return events.isEmpty() ? 0 : events.peekLast().sequence();
    }

    long lastTimeMs() {
        return events.isEmpty() ? 0 : events.peekLast().timeMs();
    }

    int size() {
        return events.size();
    }
}
