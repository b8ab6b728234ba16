package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.log.FileLogStore;
import dev.handoff.log.LogConfig;
import dev.handoff.log.PartitionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeeperTest {

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void deletesSegmentsPastRetentionButKeepsTheActiveOne() {
        // Given
        LogConfig config = LogConfig.DEFAULTS.withOverrides(Map.of("segment.ms", "1000", "retention.ms", "5000"));
        try (FileLogStore store = FileLogStore.open(dir, topic -> config, START)) {
            PartitionLog log = store.getOrCreate(new TopicPartition("t", 0), config);
            for (int i = 0; i < 3; i++) {
                long now = START + i * 2000L;
                log.append(MemoryRecords.withRecords(Compression.NONE, new SimpleRecord(now, "v".getBytes())), now);
            }
            Clock muchLater = Clock.fixed(Instant.ofEpochMilli(START + 60_000), ZoneOffset.UTC);
            // When
            new Housekeeper(store, muchLater).run();
            // Then
            assertThat(log.logStartOffset()).isEqualTo(2);
            assertThat(log.logEndOffset()).isEqualTo(3);
        }
    }
}
