package dev.handoff.lab.live;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import dev.handoff.lab.scenario.Protocol;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Client configurations of a live run. Everything not set here keeps the kafka-clients 4.4 default, so the run
 * shows what a default deployment sees. Fetch sizes are small so that 150 consumers fit in one JVM.
 */
final class LiveSettings {

    private static final String MAX_POLL_RECORDS = "100";
    private static final String SMALL_FETCH_BYTES = "65536";

    private LiveSettings() {
    }

    static Properties consumer(String bootstrap, String groupId, String clientId, Protocol protocol,
                               Map<String, String> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, SMALL_FETCH_BYTES);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, SMALL_FETCH_BYTES);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        switch (protocol) {
            case CLASSIC_EAGER -> {
                config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
                config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
            }
            case CLASSIC_COOPERATIVE -> {
                config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
                config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    CooperativeStickyAssignor.class.getName());
            }
            case CONSUMER -> config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        }
        config.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }

    static Properties producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "lab-producer");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Kafka 4.4's idempotent producer can loop forever on OUT_OF_ORDER_SEQUENCE_NUMBER after a
        // NOT_LEADER_OR_FOLLOWER on the first batches to a fresh topic (seen against Kafka 4.4.0 on loopback).
        // Without idempotence a retry may duplicate a record; one request in flight keeps each partition in order,
        // and a duplicate would show in the report's duplicate count.
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
