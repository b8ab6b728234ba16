package dev.handoff.migrate.doctor;

import static dev.handoff.migrate.doctor.Groups.classic;
import static dev.handoff.migrate.doctor.Groups.classicMember;
import static dev.handoff.migrate.doctor.Groups.consumer;
import static dev.handoff.migrate.doctor.Groups.consumerMember;
import static dev.handoff.migrate.doctor.Groups.revoking;
import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.migrate.groups.GroupView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorTest {

    private static final ProtocolSupport OFFERED = ProtocolSupport.offered("group.version=1 finalized");
    private static final long INTERVAL_MS = 5_000;

    private final Doctor doctor = new Doctor(Doctor.DEFAULT_LOOP_THRESHOLD);

    @Test
    void healthyConsumerGroupOnlyGetsTheNoteAboutInvisibleClientSettings() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(),
                List.of(consumer("orders", 4, consumerMember("m1", 4, "orders-0"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code).containsExactly(AssignorSettingRule.NOT_VISIBLE);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void brokerWithoutTheConsumerProtocolIsAnError() {
        // Given
        DoctorSnapshot snapshot = snapshot(ProtocolSupport.notOffered("ApiVersions does not list it"), Map.of(),
                List.of());

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(ConsumerProtocolRule.NOT_OFFERED);
            assertThat(f.fix()).contains("group.version=1");
        });
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void brokerThatCannotListGroupsIsAnError() {
        // Given
        DoctorSnapshot snapshot = new DoctorSnapshot(OFFERED, Map.of(), List.of(new GroupSample(0, List.of())),
                "ListGroups is not supported");

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code).containsExactly(GroupApisRule.CODE);
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownProtocolSupportIsAWarning() {
        // Given
        DoctorSnapshot snapshot = snapshot(ProtocolSupport.unknown("SASL_SSL"), Map.of(), List.of());

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code).containsExactly(ConsumerProtocolRule.UNKNOWN);
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void classicGroupIsAWarningWithTheMappedServerSideAssignor() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(DoctorSnapshot.ASSIGNORS_CONFIG, "uniform,range"),
                List.of(classic("billing", "range", classicMember("c1", "billing-0"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly(ClassicGroupRule.CLASSIC_GROUP, AssignorSettingRule.CLIENT_ASSIGNOR);
        assertThat(report.findings().get(1).fix()).contains("group.remote.assignor=range");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void cooperativeStickyMapsToTheDefaultUniformAssignor() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(),
                List.of(classic("billing", "cooperative-sticky", classicMember("c1"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).filteredOn(f -> f.code().equals(AssignorSettingRule.CLIENT_ASSIGNOR))
                .singleElement().satisfies(f -> assertThat(f.fix()).contains("default 'uniform' already"));
    }

    @Test
    void customClientAssignorIsAWarning() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(),
                List.of(classic("billing", "my-affinity", classicMember("c1"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code).contains(AssignorSettingRule.CUSTOM_ASSIGNOR);
    }

    @Test
    void disabledMigrationPolicyChangesTheFixForANonEmptyClassicGroup() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(DoctorSnapshot.MIGRATION_POLICY_CONFIG, "DISABLED"),
                List.of(classic("billing", "range", classicMember("c1", "billing-0"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).filteredOn(f -> f.code().equals(ClassicGroupRule.CLASSIC_GROUP))
                .singleElement().satisfies(f -> assertThat(f.fix()).contains("refuses online upgrades"));
    }

    @Test
    void classicGroupWithoutMembersIsOnlyInformation() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(), List.of(classic("offsets-only", null)));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::code).containsExactly(ClassicGroupRule.EMPTY_CLASSIC_GROUP);
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void classicMembersInsideAConsumerGroupAreReported() {
        // Given
        DoctorSnapshot snapshot = snapshot(OFFERED, Map.of(), List.of(consumer("orders", 7,
                consumerMember("new-1", 7, "orders-0"), classicMember("old-1", "orders-1"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).filteredOn(f -> f.code().equals(ClassicGroupRule.MIXED_GROUP))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("orders");
                    assertThat(f.problem()).contains("old-1").doesNotContain("new-1");
                });
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void groupEpochRisingInEveryIntervalIsARebalanceLoop() {
        // Given
        List<List<GroupView>> samples = new ArrayList<>();
        for (int epoch = 10; epoch <= 14; epoch++) {
            samples.add(List.of(consumer("orders", epoch, consumerMember("m" + epoch, epoch, "orders-0"))));
        }

        // When
        DoctorReport report = doctor.examine(sampled(samples));

        // Then
        assertThat(report.findings()).filteredOn(f -> f.code().equals(RebalanceLoopRule.CODE))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.problem()).contains("4 of 4 intervals").contains("group epoch 10 -> 14");
                });
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void twoEpochBumpsOfARollingDeployAreNotALoop() {
        // Given
        List<List<GroupView>> samples = List.of(
                List.of(consumer("orders", 3, consumerMember("a", 3))),
                List.of(consumer("orders", 4, consumerMember("b", 4))),
                List.of(consumer("orders", 5, consumerMember("c", 5))),
                List.of(consumer("orders", 5, consumerMember("c", 5))));

        // When
        DoctorReport report = doctor.examine(sampled(samples));

        // Then
        assertThat(report.findings()).extracting(Finding::code).doesNotContain(RebalanceLoopRule.CODE);
    }

    @Test
    void classicGroupWhoseMembersKeepChangingIsARebalanceLoop() {
        // Given
        List<List<GroupView>> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(List.of(classic("billing", "range", classicMember("member-" + i))));
        }

        // When
        DoctorReport report = doctor.examine(sampled(samples));

        // Then
        assertThat(report.findings()).extracting(Finding::code).contains(RebalanceLoopRule.CODE);
    }

    @Test
    void memberRevokingTheSamePartitionsThroughTheWindowIsStuck() {
        // Given
        GroupView stuck = consumer("orders", 9,
                revoking("slow", 8, List.of("orders-0", "orders-1"), List.of("orders-0")),
                consumerMember("fast", 9, "orders-2"));

        // When
        DoctorReport report = doctor.examine(sampled(List.of(List.of(stuck), List.of(stuck), List.of(stuck))));

        // Then
        assertThat(report.findings()).filteredOn(f -> f.code().equals(StuckRevocationRule.CODE))
                .singleElement().satisfies(f -> {
                    assertThat(f.subject()).isEqualTo("orders/slow");
                    assertThat(f.problem()).contains("[orders-1]").contains("10 s");
                });
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void revocationThatProgressesIsNotStuck() {
        // Given
        GroupView revokingNow = consumer("orders", 9,
                revoking("m", 8, List.of("orders-0", "orders-1"), List.of("orders-0")));
        GroupView done = consumer("orders", 9, consumerMember("m", 9, "orders-0"));

        // When
        DoctorReport report = doctor.examine(sampled(List.of(List.of(revokingNow), List.of(done))));

        // Then
        assertThat(report.findings()).extracting(Finding::code).doesNotContain(StuckRevocationRule.CODE);
    }

    @Test
    void aSingleSampleCannotShowAStuckMember() {
        // Given
        GroupView stuck = consumer("orders", 9, revoking("slow", 8, List.of("orders-0"), List.of()));

        // When
        DoctorReport report = doctor.examine(snapshot(OFFERED, Map.of(), List.of(stuck)));

        // Then
        assertThat(report.findings()).extracting(Finding::code).doesNotContain(StuckRevocationRule.CODE);
    }

    @Test
    void findingsAreOrderedWorstFirstAndRenderedWithTheExitStatus() {
        // Given
        DoctorSnapshot snapshot = snapshot(ProtocolSupport.notOffered("no heartbeat API"), Map.of(),
                List.of(classic("billing", "range", classicMember("c1"))));

        // When
        DoctorReport report = doctor.examine(snapshot);

        // Then
        assertThat(report.findings()).extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.WARNING, Severity.INFO);
        assertThat(report.render()).contains("ERROR CONSUMER_PROTOCOL_NOT_OFFERED").endsWith("Exit status 2\n");
    }

    private static DoctorSnapshot snapshot(ProtocolSupport protocol, Map<String, String> configs,
                                           List<GroupView> groups) {
        return new DoctorSnapshot(protocol, configs, List.of(new GroupSample(0, groups)));
    }

    private static DoctorSnapshot sampled(List<List<GroupView>> groupsPerSample) {
        List<GroupSample> samples = new ArrayList<>();
        for (int i = 0; i < groupsPerSample.size(); i++) {
            samples.add(new GroupSample(i * INTERVAL_MS, groupsPerSample.get(i)));
        }
        return new DoctorSnapshot(OFFERED, Map.of(), samples);
    }
}
