package dev.handoff.bench.heartbeat;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics the simulated groups subscribe to, with kafka-clients' admin client. */
final class Topics {

    private static final short REPLICATION_FACTOR = 1;

    private Topics() {
    }

    static void create(String bootstrapServers, LoadShape shape) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "handoff-bench-heartbeat-admin");
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> topics = shape.topicNames().stream()
                    .map(topic -> new NewTopic(topic, shape.partitions(), REPLICATION_FACTOR))
                    .toList();
            admin.createTopics(topics).all().get();
        }
    }
}
