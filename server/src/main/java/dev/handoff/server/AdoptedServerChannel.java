package dev.handoff.server;

import io.netty.channel.ChannelFactory;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Gives Netty the already bound {@link ListenerSocket} instead of a new socket: registering a bound channel makes
 * it active at once, and with {@code AUTO_READ} off it accepts only once reading is turned on.
 */
final class AdoptedServerChannel implements ChannelFactory<NioServerSocketChannel> {

    private final ListenerSocket listener;

    AdoptedServerChannel(ListenerSocket listener) {
        this.listener = listener;
    }

    @Override
    public NioServerSocketChannel newChannel() {
        return new NioServerSocketChannel(listener.channel());
    }
}
