package dev.handoff.bench.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every record the broker acknowledged, by partition and offset, as the producers' callbacks report them; and
 * the sends it finally refused. A record is named by a unique id, which is also its value in the log.
 */
final class AcknowledgedRecords {

    private static final int MAX_KEPT_REJECTIONS = 5;

    private final Map<Integer, NavigableMap<Long, Long>> byPartition = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<String> rejections = new ArrayList<>();

    void acknowledged(int partition, long offset, long id) {
        byPartition.computeIfAbsent(partition, p -> new ConcurrentSkipListMap<>()).put(offset, id);
        count.incrementAndGet();
    }

    void rejected(Exception e) {
        rejected.incrementAndGet();
        synchronized (rejections) {
            if (rejections.size() < MAX_KEPT_REJECTIONS) {
                rejections.add("send refused: " + e);
            }
        }
    }

    /** Offset to id of the acknowledged records of one partition. */
    NavigableMap<Long, Long> of(int partition) {
        return byPartition.getOrDefault(partition, new ConcurrentSkipListMap<>());
    }

    long count() {
        return count.get();
    }

    long rejectedCount() {
        return rejected.get();
    }

    List<String> rejections() {
        synchronized (rejections) {
            return List.copyOf(rejections);
        }
    }
}
