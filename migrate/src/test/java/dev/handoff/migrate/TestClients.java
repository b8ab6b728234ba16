package dev.handoff.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Real kafka-clients for the integration tests. */
public final class TestClients {

    private TestClients() {
    }

    /** A topic name no other test uses, so tests can share an external cluster. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Admin admin(String bootstrap) {
        return Admin.create(ClientSettings.of(bootstrap).forClient("it-admin"));
    }

    public static void createTopic(String bootstrap, String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin(bootstrap)) {
            Futures.get(admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all());
        }
    }

    public static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties properties = ClientSettings.of(bootstrap).forClient("it-producer");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Group consumer settings: manual commits, short timeouts so tests move quickly. */
    public static Properties groupConsumerProperties(String groupId, String protocol) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        if ("classic".equals(protocol)) {
            properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
            properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        }
        return properties;
    }

    public static KafkaConsumer<String, byte[]> groupConsumer(String bootstrap, String groupId, String protocol) {
        Properties properties = groupConsumerProperties(groupId, protocol);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public static Duration pollTimeout() {
        return Duration.ofMillis(200);
    }
}
