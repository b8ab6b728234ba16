package dev.handoff.server.handler;

import dev.handoff.server.metadata.ClusterInfo;
import dev.handoff.server.metadata.ConfigDescriber;
import dev.handoff.server.metadata.ProducerIdAllocator;
import dev.handoff.server.metadata.TopicService;

/**
 * What the API handlers work with; built once by the broker.
 *
 * @param cluster                 cluster id, node id, advertised address
 * @param topics                  topic catalogue and partition logs
 * @param producerIds             durable producer id blocks
 * @param purgatory               parked long-poll fetches, woken by appends
 * @param configs                 DescribeConfigs views of topic and broker configs
 * @param autoCreateTopicsEnable  {@code auto.create.topics.enable}
 */
public record BrokerServices(ClusterInfo cluster, TopicService topics, ProducerIdAllocator producerIds,
                             FetchPurgatory purgatory, ConfigDescriber configs, boolean autoCreateTopicsEnable) {
}
