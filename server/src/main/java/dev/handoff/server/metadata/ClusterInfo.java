package dev.handoff.server.metadata;

import java.util.Objects;

/**
 * Who this broker is: cluster id, node id and the address clients should use. The address is known only once
 * the listener is bound (port 0 means ephemeral), so it is set once, before the first connection is accepted.
 */
public final class ClusterInfo {

    private final String clusterId;
    private final int nodeId;
    private volatile String host;
    private volatile int port;

    public ClusterInfo(String clusterId, int nodeId) {
        this.clusterId = Objects.requireNonNull(clusterId);
        this.nodeId = nodeId;
    }

    public String clusterId() {
        return clusterId;
    }

    public int nodeId() {
        return nodeId;
    }

    /** The advertised host. */
    public String host() {
        return host;
    }

    /** The advertised port. */
    public int port() {
        return port;
    }

    public void advertise(String advertisedHost, int advertisedPort) {
        this.host = advertisedHost;
        this.port = advertisedPort;
    }
}
