package dev.handoff.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The broker's listening socket, bound as the first step of a start so that clients can connect while storage
 * recovers and the group coordinator replays its log. Nothing is accepted until the broker is ready: until then
 * the operating system completes connections into the listen backlog and buffers their first requests, which the
 * broker then serves in order, so no request is answered by a half-started broker. A client's connection set-up
 * (its connect and its ApiVersions request) overlaps the rest of the start instead of following it.
 *
 * <p>Plain JDK NIO, no Netty, so a launcher can bind it while Netty is still being initialised on another thread
 * (see {@link StartupClasses}); {@link BrokerServer} then adopts the channel.
 */
public final class ListenerSocket implements AutoCloseable {

    /** The kernel caps a listen backlog at its own maximum ({@code net.core.somaxconn}), Netty's default too. */
    private static final int LARGEST_BACKLOG = Integer.MAX_VALUE;

    private final ServerSocketChannel channel;
    private final InetSocketAddress address;

    private ListenerSocket(ServerSocketChannel channel, InetSocketAddress address) {
        this.channel = channel;
        this.address = address;
    }

    /**
     * Binds the listener's address (an empty host binds every interface, port 0 an ephemeral port).
     *
     * @throws UncheckedIOException if the address cannot be bound, with the {@link java.net.BindException} as
     *                              cause when the port is taken
     */
    public static ListenerSocket bind(Endpoint listener) {
        InetSocketAddress requested = listener.host().isEmpty()
                ? new InetSocketAddress(listener.port())
                : new InetSocketAddress(listener.host(), listener.port());
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            // A restarted broker can bind its port again while old connections are in TIME_WAIT.
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(requested, LARGEST_BACKLOG);
            return new ListenerSocket(channel, (InetSocketAddress) channel.getLocalAddress());
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new UncheckedIOException("Cannot listen on " + requested, e);
        }
    }

    /** The bound address: the real port when port 0 was asked for. */
    public InetSocketAddress address() {
        return address;
    }

    /** For {@link BrokerServer}, which accepts on it once the broker is ready. */
    ServerSocketChannel channel() {
        return channel;
    }

    /** Closes the socket; connections waiting in the backlog are reset. Safe to call more than once. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel, IOException failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
