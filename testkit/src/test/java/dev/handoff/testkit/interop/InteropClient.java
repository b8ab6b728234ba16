package dev.handoff.testkit.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to launch one non-Java client's scenario program: {@code <command...> <scenario> <bootstrap> <args...>}.
 * Both programs (kafkajs, sarama) share the scenario names and event shapes, so {@link InteropScenarios} drives
 * either.
 */
record InteropClient(String name, Path workDir, Map<String, String> environment, List<String> command) {

    ExternalClient start(String scenario, String bootstrap, String... args) {
        List<String> full = new ArrayList<>(command);
        full.add(scenario);
        full.add(bootstrap);
        full.addAll(List.of(args));
        return ExternalClient.start(workDir, environment, full);
    }

    /** Runs a scenario to its end. */
    ExternalClient run(String scenario, String bootstrap, String... args) {
        ExternalClient client = start(scenario, bootstrap, args);
        client.awaitExit();
        return client;
    }
}
