package dev.handoff.migrate;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The two clusters of a migration playbook test, the one a workload leaves and the one it moves to, started once
 * per test class. Register it as a static field with {@code @RegisterExtension}.
 */
public final class ClusterPair implements BeforeAllCallback, AfterAllCallback {

    private TestCluster oldCluster;
    private TestCluster newCluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        oldCluster = TestCluster.start("old");
        newCluster = TestCluster.start("new");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        oldCluster.close();
        newCluster.close();
    }

    /** @return bootstrap servers of the cluster the workload leaves */
    public String oldBootstrap() {
        return oldCluster.bootstrapServers();
    }

    /** @return bootstrap servers of the cluster the workload moves to */
    public String newBootstrap() {
        return newCluster.bootstrapServers();
    }
}
