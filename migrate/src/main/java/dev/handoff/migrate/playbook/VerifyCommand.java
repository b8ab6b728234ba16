package dev.handoff.migrate.playbook;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Futures;
import dev.handoff.migrate.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code handoff migrate verify}: accounts for every record of a {@code migrate load} run across both clusters.
 * Exit 0 nothing lost, 2 something lost; duplicates are counted and reported, as at-least-once allows them.
 */
@Command(name = "verify",
        description = "Compares what a 'migrate load' run produced with what a group consumed (records below its "
                + "committed offsets) on the old and the new cluster: lost and duplicated records. "
                + "Exit 0 nothing lost, 2 loss.",
        mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {

    static final int LOSS = 2;

    /** @param report what was lost and duplicated */
    public record Result(String runId, int storedOnOld, int storedOnNew, VerificationReport report) {
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "HOST:PORT", description = "The old cluster.")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The new cluster.")
    private String to;

    @Option(names = "--topic", required = true, description = "The topic the run was written to.")
    private String topic;

    @Option(names = "--run", required = true, description = "The run id given to 'migrate load'.")
    private String runId;

    @Option(names = "--group", description = "The group that consumed the run; without it every stored record "
            + "counts as consumed, which checks that the clusters together hold each record.")
    private String groupId;

    @Option(names = "--expected", description = "How many records the run produced (sequence 0..N-1), so "
            + "records that never reached either cluster count as lost.")
    private Long expected;

    @Option(names = "--command-config", paramLabel = "FILE", description = "Client properties for both clusters.")
    private Path commandConfig;

    @Option(names = "--json", description = "Print JSON for scripts.")
    private boolean json;

    @Override
    public Integer call() {
        ClientSettings old = ClientSettings.of(from, commandConfig);
        ClientSettings next = ClientSettings.of(to, commandConfig);
        List<StoredRecord> onOld = TopicScanner.scan(old, List.of(topic), runId);
        List<StoredRecord> onNew = TopicScanner.scan(next, List.of(topic), runId);
        VerificationReport report = MigrationVerifier.fromClusters(onOld, committed(old, onOld), onNew, committed(next, onNew),
                expected == null ? OptionalLong.empty() : OptionalLong.of(expected));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.write(new Result(runId, onOld.size(), onNew.size(), report))
                : "Run " + runId + " on " + topic + ": " + onOld.size() + " records stored on " + from + ", "
                        + onNew.size() + " on " + to + "\n" + report.render());
        out.flush();
        return report.nothingLost() ? 0 : LOSS;
    }

    private Map<TopicPartition, Long> committed(ClientSettings cluster, List<StoredRecord> stored) {
        Map<TopicPartition, Long> result = new HashMap<>();
        if (groupId == null) {
            stored.forEach(r ->
                    result.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
            return result;
        }
        try (Admin admin = Admin.create(cluster.forClient("verify"))) {
            Futures.get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
                    .forEach((tp, offset) -> {
                        if (offset != null) {
                            result.put(tp, offset.offset());
                        }
                    });
        }
        return result;
    }
}
