package dev.handoff.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerBenchmarkTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void brokersTakeTurnsAtStartUpAndEachLaunchIsStoppedBeforeTheNextStarts() {
        // Given
        BrokerBenchmark benchmark = new BrokerBenchmark(new LoadSettings(3, 1, List.of(100), 1, 1));
        Map<String, Supplier<BrokerProcess>> launchers = new LinkedHashMap<>();
        launchers.put("kafka", launcher("kafka", Duration.ofMillis(2_500)));
        launchers.put("handoff", launcher("handoff", Duration.ofMillis(250)));

        // When
        Map<String, List<Duration>> startupTimes = benchmark.timeStartupsInTurn(launchers);

        // Then
        assertThat(events).containsExactly(
                "start kafka", "stop kafka", "start handoff", "stop handoff",
                "start kafka", "stop kafka", "start handoff", "stop handoff",
                "start kafka", "stop kafka", "start handoff", "stop handoff");
        assertThat(startupTimes.get("kafka")).hasSize(3).containsOnly(Duration.ofMillis(2_500));
        assertThat(startupTimes.get("handoff")).hasSize(3).containsOnly(Duration.ofMillis(250));
    }

    private Supplier<BrokerProcess> launcher(String name, Duration startupTime) {
        return () -> {
            events.add("start " + name);
            return new BrokerProcess() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String bootstrapServers() {
                    return "127.0.0.1:0";
                }

                @Override
                public long pid() {
                    return 0;
                }

                @Override
                public Duration startupTime() {
                    return startupTime;
                }

                @Override
                public MemoryUsage memory() {
                    throw new UnsupportedOperationException("not measured here");
                }

                @Override
                public void close() {
                    events.add("stop " + name);
                }
            };
        };
    }
}
