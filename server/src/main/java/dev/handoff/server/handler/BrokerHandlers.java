package dev.handoff.server.handler;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the broker's data-plane and topic API handlers are listed. The group coordinator's APIs
 * (FindCoordinator, JoinGroup, OffsetCommit, ConsumerGroupHeartbeat, ...) are listed by
 * {@code dev.handoff.server.group.GroupHandlers}; the broker registers both, and the registry advertises them in
 * ApiVersions automatically.
 */
public final class BrokerHandlers {

    private BrokerHandlers() {
    }

    /** The handlers of the data plane and topic administration. */
    public static List<ApiHandler<?, ?>> create(BrokerServices services) {
        List<ApiHandler<?, ?>> handlers = new ArrayList<>();
        handlers.add(new MetadataHandler(services.cluster(), services.topics(), services.autoCreateTopicsEnable()));
        handlers.add(new ProduceHandler(services.topics(), services.purgatory()));
        handlers.add(new FetchHandler(services.topics(), services.purgatory()));
        handlers.add(new ListOffsetsHandler(services.topics()));
        handlers.add(new InitProducerIdHandler(services.producerIds()));
        handlers.add(new CreateTopicsHandler(services.cluster(), services.topics(), services.configs()));
        handlers.add(new DeleteTopicsHandler(services.topics()));
        handlers.add(new CreatePartitionsHandler(services.topics()));
        handlers.add(new DescribeConfigsHandler(services.cluster(), services.topics(), services.configs()));
        handlers.add(new DescribeClusterHandler(services.cluster()));
        handlers.add(new DescribeTopicPartitionsHandler(services.cluster(), services.topics()));
        return handlers;
    }
}
