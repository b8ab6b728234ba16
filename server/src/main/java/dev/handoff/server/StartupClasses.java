package dev.handoff.server;

import dev.handoff.server.codec.FrameDecoder;
import dev.handoff.server.codec.RequestDecoder;
import dev.handoff.server.codec.ResponseEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.lang.reflect.Method;
import java.nio.channels.spi.SelectorProvider;
import java.util.List;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * The one-off initialisation a broker start and its first requests spend most of their time in, so a launcher
 * can run it on other threads while it sets up logging, reads the configuration, opens storage and loads the
 * group coordinator; {@link BrokerServer#start} waits for each part before it uses that part's classes
 * ({@link ClassPreloading}), because two threads initialising the same classes can deadlock. Its parts
 * initialise classes of different libraries (besides the JDK's, which are made to be initialised from several
 * threads), so each can run on a thread of its own.
 */
public final class StartupClasses {

    private static final List<Class<?>> PROTOCOL = List.of(AbstractRequest.class, AbstractResponse.class,
            RequestHeader.class, ObjectSerializationCache.class);
    private static final List<Class<?>> NETWORKING = List.of(NioIoHandler.class, MultiThreadIoEventLoopGroup.class,
            NioServerSocketChannel.class, NioSocketChannel.class, ServerBootstrap.class, Unpooled.class,
            ByteToMessageDecoder.class, MessageToMessageDecoder.class, IdleStateHandler.class);
    /** The handlers of the listener's pipeline (its acceptor is a ChannelInboundHandlerAdapter) and a connection's. */
    private static final List<Class<?>> PIPELINE_HANDLERS = List.of(ChannelInboundHandlerAdapter.class,
            BrokerChannelInitializer.class, IdleStateHandler.class, FrameDecoder.class, RequestDecoder.class,
            ResponseEncoder.class, ResponseOrderer.class, BrokerRequestHandler.class);

    private StartupClasses() {
    }

    /**
     * kafka-clients' protocol tables (every API's schemas, built when {@link ApiKeys} initialises), the request
     * and response parsers (linking them loads every request and response class), and the error codes: the first
     * request used to initialise {@link Errors}, which builds every API exception's factory (about 40 ms after the
     * broker was ready). Touches kafka-clients and the JDK only. Safe to call any number of times.
     */
    public static void initialiseProtocol() {
        ApiKeys.values();
        Errors.values();
        PROTOCOL.forEach(StartupClasses::initialise);
    }

    /**
     * Netty's platform probing and pooled allocator, the machine and process ids in its channel ids, its event
     * loop and NIO channel classes (the selector provider among them), the base classes of the connection's
     * handlers and the annotations Netty reads on the handlers. Touches Netty, SLF4J (Netty's static initialisers
     * log through it) and the JDK only (the handlers are loaded, not initialised). Safe to call any number of times.
     */
    public static void initialiseNetworking() {
        ByteBufAllocator.DEFAULT.isDirectBufferPooled();
        DefaultChannelId.newInstance();
        SelectorProvider.provider();
        NETWORKING.forEach(StartupClasses::initialise);
        PIPELINE_HANDLERS.forEach(StartupClasses::readAnnotations);
    }

    /**
     * Netty decides which events a handler receives by reflection over its methods' annotations ({@code @Skip}) and
     * its class's ({@code @Sharable}), when the handler joins a pipeline. The first reads of each annotation type
     * parse it and generate a proxy class for it, about 10-20 ms on the main thread when the listener registered
     * and again on the event loop at the first connection. Read here, they are cached with the methods. Only the
     * handler methods' annotations: those of {@code Object}'s methods ({@code @IntrinsicCandidate}), which Netty
     * never reads, cost another proxy class.
     */
    private static void readAnnotations(Class<?> handler) {
        handler.getAnnotations();
        for (Method method : handler.getMethods()) {
            if (ChannelHandler.class.isAssignableFrom(method.getDeclaringClass())) {
                method.getAnnotations();
            }
        }
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A loaded class cannot be found again: " + type.getName(), e);
        }
    }
}
