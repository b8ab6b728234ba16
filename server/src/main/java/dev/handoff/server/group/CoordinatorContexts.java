package dev.handoff.server.group;

import dev.handoff.coordinator.RequestContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Turns the broker's request context into the coordinator's: the API version and the client's identity. */
final class CoordinatorContexts {

    private CoordinatorContexts() {
    }

    /**
     * The client host as Kafka reports it in DescribeGroups: {@code InetAddress#toString()}, e.g.
     * {@code "/127.0.0.1"}.
     */
    static RequestContext of(dev.handoff.server.handler.RequestContext context) {
        return new RequestContext(context.apiVersion(), context.header().clientId(), host(context.clientAddress()));
    }

    private static String host(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().toString();
        }
        return address == null ? "" : address.toString();
    }
}
