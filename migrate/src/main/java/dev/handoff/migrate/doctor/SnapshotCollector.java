package dev.handoff.migrate.doctor;

import dev.handoff.migrate.ClientSettings;
import dev.handoff.migrate.Futures;
import dev.handoff.migrate.groups.GroupInspector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** The doctor's imperative shell: describes the cluster's groups every interval over the window. */
public final class SnapshotCollector {

    private final Admin admin;
    private final ClientSettings settings;
    private final Clock clock;

    public SnapshotCollector(Admin admin, ClientSettings settings, Clock clock) {
        this.admin = admin;
        this.settings = settings;
        this.clock = clock;
    }

    /** One sample now, then one per interval until the window has passed; a zero window takes one sample. */
    public DoctorSnapshot collect(Duration window, Duration interval) throws InterruptedException {
        ProtocolSupport protocol = ProtocolProbe.probe(admin, settings);
        Map<String, String> configs = brokerGroupConfigs();
        GroupInspector inspector = new GroupInspector(admin);
        List<GroupSample> samples = new ArrayList<>();
        long start = clock.millis();
        long deadline = start + window.toMillis();
        try {
            samples.add(new GroupSample(start, inspector.describeAll()));
        } catch (UnsupportedVersionException e) {
            // Nothing to observe over a window: report the missing APIs with what else could be checked.
            return new DoctorSnapshot(protocol, configs, List.of(new GroupSample(start, List.of())),
                    e.getMessage());
        }
        while (clock.millis() < deadline) {
            Thread.sleep(Math.min(interval.toMillis(), Math.max(1, deadline - clock.millis())));
            samples.add(new GroupSample(clock.millis(), inspector.describeAll()));
        }
        return new DoctorSnapshot(protocol, configs, samples);
    }

    /** The broker's group settings the rules care about; empty if the broker does not describe them. */
    private Map<String, String> brokerGroupConfigs() {
        Map<String, String> result = new TreeMap<>();
        try {
            Collection<Node> nodes = Futures.get(admin.describeCluster().nodes());
            if (nodes.isEmpty()) {
                return result;
            }
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
                    Integer.toString(nodes.iterator().next().id()));
            Config config = Futures.get(admin.describeConfigs(List.of(broker)).all()).get(broker);
            for (String name : List.of(DoctorSnapshot.ASSIGNORS_CONFIG, DoctorSnapshot.MIGRATION_POLICY_CONFIG)) {
                ConfigEntry entry = config.get(name);
                if (entry != null && entry.value() != null) {
                    result.put(name, entry.value());
                }
            }
        } catch (KafkaException e) {
            // Older brokers and Handoff may not describe these; the rules fall back to Kafka's defaults.
            return result;
        }
        return result;
    }
}
