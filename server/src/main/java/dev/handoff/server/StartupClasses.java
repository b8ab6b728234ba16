package dev.handoff.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;

/**
 * The one-off initialisation a broker start and its first requests spend most of their time in, so a launcher
 * can run it on another thread while it sets up logging and reads the configuration, then start the broker once
 * it is done (never during {@link BrokerServer#start}: two threads initialising the same classes can deadlock).
 * Measured on JDK 17 with the launcher's class data sharing archive: about 65 ms of CPU time, which the main
 * thread no longer spends (its CPU time to ready went from about 200 to 155 ms): kafka-clients' protocol tables
 * (every API's schemas, built when {@link ApiKeys} initialises) and the request and response parsers (linking
 * them loads every request and response class); Netty's platform probing and pooled allocator, the machine and
 * process ids in its channel ids, and its event loop and NIO channel classes (the selector provider among them);
 * and the first secure random number (cluster, topic and member ids).
 */
public final class StartupClasses {

    private static final List<Class<?>> INITIALISED = List.of(AbstractRequest.class, AbstractResponse.class,
            NioIoHandler.class, MultiThreadIoEventLoopGroup.class, NioServerSocketChannel.class,
            NioSocketChannel.class, ServerBootstrap.class);

    private StartupClasses() {
    }

    /** Initialises the classes; safe to call any number of times. */
    public static void initialise() {
        ApiKeys.values();
        ByteBufAllocator.DEFAULT.isDirectBufferPooled();
        DefaultChannelId.newInstance();
        SelectorProvider.provider();
        INITIALISED.forEach(StartupClasses::initialise);
        UUID.randomUUID();
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A loaded class cannot be found again: " + type.getName(), e);
        }
    }
}
