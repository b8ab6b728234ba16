package dev.handoff.migrate.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.handoff.migrate.CommandRun;
import dev.handoff.migrate.Json;
import dev.handoff.migrate.PollingMember;
import dev.handoff.migrate.TestClients;
import dev.handoff.migrate.TestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The doctor against a live broker with real groups in each state it diagnoses. */
class DoctorIT {

    private static final Duration ASSIGNED = Duration.ofSeconds(60);

    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start("old");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void exitStatusIsTheWorstFindingsSeverity() throws Exception {
        // When
        CommandRun run = doctor("--window", "PT0S", "--json");

        // Then
        DoctorReport report = parse(run);
        int worst = report.findings().stream().mapToInt(f -> f.severity().exitCode()).max().orElse(0);
        assertThat(run.exitCode()).isEqualTo(report.exitCode()).isEqualTo(worst);
        assertThat(report.protocol().evidence()).isNotBlank();
    }

    @Test
    void unreachableClusterIsAnError() {
        // When
        CommandRun run = CommandRun.of(new DoctorCommand(), "--bootstrap", "127.0.0.1:1", "--window", "PT0S",
                "--command-config", writeConfig("request.timeout.ms=1000\ndefault.api.timeout.ms=1500\n"));

        // Then
        assertThat(run.exitCode()).isEqualTo(DoctorCommand.UNREACHABLE);
        assertThat(run.err()).contains("Cannot examine 127.0.0.1:1");
    }

    @Test
    void classicGroupIsAWarningWithItsClientAssignor() throws Exception {
        // Given
        String topic = topic();
        String group = TestClients.uniqueName("classic");
        try (PollingMember member = PollingMember.idle(cluster.bootstrapServers(), group, "classic", topic)) {
            await().atMost(ASSIGNED).until(member::hasAssignment);

            // When
            CommandRun run = doctor("--window", "PT0S", "--json");

            // Then
            DoctorReport report = parse(run);
            assertThat(report.protocol().status()).isEqualTo(ProtocolSupport.Status.OFFERED);
            assertThat(findingsFor(report, group)).extracting(Finding::code, Finding::severity).containsExactly(
                    tuple(ClassicGroupRule.CLASSIC_GROUP, Severity.WARNING),
                    tuple(AssignorSettingRule.CLIENT_ASSIGNOR, Severity.INFO));
            assertThat(run.exitCode()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void consumerGroupHasNoFindingsOfItsOwn() throws Exception {
        // Given
        String topic = topic();
        String group = TestClients.uniqueName("consumer");
        try (PollingMember member = PollingMember.idle(cluster.bootstrapServers(), group, "consumer", topic)) {
            await().atMost(ASSIGNED).until(member::hasAssignment);

            // When
            CommandRun run = doctor("--window", "PT0S", "--json");

            // Then
            DoctorReport report = parse(run);
            assertThat(findingsFor(report, group)).isEmpty();
            assertThat(report.findings()).extracting(Finding::code).contains(AssignorSettingRule.NOT_VISIBLE);
        }
    }

    @Test
    void classicMemberJoiningAConsumerGroupIsReportedDuringTheUpgrade() throws Exception {
        // Given
        String topic = topic();
        String group = TestClients.uniqueName("mixed");
        try (PollingMember upgraded = PollingMember.idle(cluster.bootstrapServers(), group, "consumer", topic)) {
            await().atMost(ASSIGNED).until(upgraded::hasAssignment);
            try (PollingMember classic = PollingMember.idle(cluster.bootstrapServers(), group, "classic", topic)) {
                await().atMost(ASSIGNED).until(classic::hasAssignment);

                // When
                CommandRun run = doctor("--window", "PT0S", "--json");

                // Then
                assertThat(findingsFor(parse(run), group)).extracting(Finding::code)
                        .containsExactly(ClassicGroupRule.MIXED_GROUP);
                assertThat(run.exitCode()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @Test
    void membersThatKeepJoiningAndLeavingAreARebalanceLoopAndExitWithTwo() throws Exception {
        // Given
        String topic = topic();
        String group = TestClients.uniqueName("loop");
        AtomicBoolean churning = new AtomicBoolean(true);
        try (PollingMember steady = PollingMember.idle(cluster.bootstrapServers(), group, "consumer", topic)) {
            await().atMost(ASSIGNED).until(steady::hasAssignment);
            Thread churn = new Thread(() -> churn(group, topic, churning), "churn");
            churn.start();
            try {
                // When
                CommandRun run = doctor("--window", "PT8S", "--interval", "PT1S", "--json");

                // Then
                assertThat(findingsFor(parse(run), group)).extracting(Finding::code)
                        .contains(RebalanceLoopRule.CODE);
                assertThat(run.exitCode()).isEqualTo(2);
            } finally {
                churning.set(false);
                churn.join();
            }
        }
    }

    /** A crash-looping deployment: a member joins, polls a little and leaves, over and over. */
    private static void churn(String group, String topic, AtomicBoolean churning) {
        while (churning.get()) {
            try (KafkaConsumer<String, byte[]> consumer =
                         TestClients.groupConsumer(cluster.bootstrapServers(), group, "consumer")) {
                consumer.subscribe(List.of(topic));
                for (int i = 0; i < 5 && churning.get(); i++) {
                    consumer.poll(TestClients.pollTimeout());
                }
            }
        }
    }

    private static String topic() {
        String topic = TestClients.uniqueName("doctor");
        TestClients.createTopic(cluster.bootstrapServers(), topic, 4, Map.of());
        return topic;
    }

    private static CommandRun doctor(String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "--bootstrap";
        args[1] = cluster.bootstrapServers();
        System.arraycopy(options, 0, args, 2, options.length);
        return CommandRun.of(new DoctorCommand(), args);
    }

    private static DoctorReport parse(CommandRun run) throws JsonProcessingException {
        assertThat(run.err()).isEmpty();
        return Json.mapper().readValue(run.out(), DoctorReport.class);
    }

    private static List<Finding> findingsFor(DoctorReport report, String group) {
        return report.findings().stream().filter(f -> f.subject().startsWith(group)).toList();
    }

    private static String writeConfig(String text) {
        try {
            Path file = Files.createTempFile("doctor", ".properties");
            Files.writeString(file, text);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
