package dev.handoff.testkit.interop;

import dev.handoff.testkit.EmbeddedHandoff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The batches a partition's log files hold, read with kafka-clients' own record classes: shows how a client wrote
 * its batches (codec, producer id), which no consumer API reveals.
 */
final class StoredBatches {

    private StoredBatches() {
    }

    /** One value per stored batch, in log order. */
    static <T> List<T> of(EmbeddedHandoff broker, TopicPartition partition, Function<RecordBatch, T> field)
            throws IOException {
        List<T> values = new ArrayList<>();
        try (Stream<Path> files = Files.list(broker.dataDir().resolve(partition.toString()))) {
            for (Path segment : files.filter(file -> file.toString().endsWith(".log")).sorted().toList()) {
                try (FileRecords records = FileRecords.open(segment.toFile())) {
                    for (RecordBatch batch : records.batches()) {
                        values.add(field.apply(batch));
                    }
                }
            }
        }
        return values;
    }
}
