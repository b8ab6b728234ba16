package dev.handoff.migrate.playbook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The records {@code migrate load} writes: a run id and a sequence number in headers, so {@code migrate verify}
 * can tell loss from duplication whatever partition or cluster a record ended up on.
 */
public final class SequenceRecords {

    public static final String RUN_HEADER = "handoff.run";
    public static final String SEQ_HEADER = "handoff.seq";

    private SequenceRecords() {
    }

    /** Keys spread the run over all partitions; the value is {@code size} filler bytes. */
    public static ProducerRecord<String, byte[]> record(String topic, String runId, long seq, int size) {
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) ('a' + seq % 26));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, runId + "-" + seq, value);
        record.headers().add(RUN_HEADER, runId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(SEQ_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(0, seq).array());
        return record;
    }

    /** The sequence number of a record of run {@code runId}; empty for anything else. */
    public static OptionalLong seqOf(Headers headers, String runId) {
        Header run = headers.lastHeader(RUN_HEADER);
        Header seq = headers.lastHeader(SEQ_HEADER);
        if (run == null || seq == null || seq.value() == null || seq.value().length != Long.BYTES
                || !runId.equals(new String(run.value(), StandardCharsets.UTF_8))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ByteBuffer.wrap(seq.value()).getLong());
    }
}
