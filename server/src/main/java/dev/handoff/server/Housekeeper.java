package dev.handoff.server;

import dev.handoff.log.LogStore;
import dev.handoff.log.PartitionLog;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's one periodic task: runs every partition's time-based housekeeping (retention by
 * {@code retention.ms}/{@code retention.bytes}, flush by {@code flush.ms}). A failing partition is logged and
 * skipped so the others are still served.
 */
final class Housekeeper implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Housekeeper.class);

    private final LogStore logs;
    private final Clock clock;

    Housekeeper(LogStore logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    @Override
    public void run() {
        long now = clock.millis();
        for (PartitionLog log : List.copyOf(logs.all())) {
            try {
                int deleted = log.runHousekeeping(now);
                if (deleted > 0) {
                    LOGGER.info("Retention deleted {} segment(s) of {}", deleted, log.topicPartition());
                }
            } catch (RuntimeException e) {
                LOGGER.warn("Housekeeping of {} failed", log.topicPartition(), e);
            }
        }
    }
}
