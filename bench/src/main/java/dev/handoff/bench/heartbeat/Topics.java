package dev.handoff.bench.heartbeat;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics the simulated groups subscribe to, with kafka-clients' admin client, unless they exist. */
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
            try {
                admin.createTopics(topics).all().get();
            } catch (ExecutionException e) {
                // A running broker (--bootstrap-server) may still have them from an earlier run.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
