package dev.handoff.migrate.playbook;

import com.google.re2j.Pattern;
import dev.handoff.migrate.Futures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Strategy A's first step: the target gets the source's topics with the same partition counts (so keys keep
 * their partitions) and the same explicitly set configs. Replication is capped at the target's broker count.
 */
public final class TopicCopier {

    private final Admin source;
    private final Admin target;

    public TopicCopier(Admin source, Admin target) {
        this.source = source;
        this.target = target;
    }

    /** Plans the copy of every non-internal source topic whose whole name matches {@code topics}. */
    public List<TopicPlan> plan(Pattern topics) {
        Set<String> names = Futures.get(source.listTopics(new ListTopicsOptions().listInternal(false)).names());
        List<String> selected = names.stream().filter(n -> topics.matches(n)).sorted().toList();
        if (selected.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> sourceTopics =
                Futures.get(source.describeTopics(selected).allTopicNames());
        Map<String, Map<String, String>> configs = explicitConfigs(selected);
        Set<String> existing = Futures.get(target.listTopics(new ListTopicsOptions().listInternal(true)).names());
        Map<String, TopicDescription> targetTopics = existing.isEmpty()
                ? Map.of()
                : Futures.get(target.describeTopics(selected.stream().filter(existing::contains).toList())
                        .allTopicNames());
        int targetBrokers = Futures.get(target.describeCluster().nodes()).size();
        List<TopicPlan> plans = new ArrayList<>();
        for (String topic : selected) {
            TopicDescription description = sourceTopics.get(topic);
            int partitions = description.partitions().size();
            short replication = (short) Math.min(description.partitions().get(0).replicas().size(), targetBrokers);
            TopicDescription onTarget = targetTopics.get(topic);
            plans.add(plan(topic, partitions, replication, configs.get(topic), onTarget));
        }
        return plans;
    }

    /** Creates the planned topics on the target. */
    public void apply(Collection<TopicPlan> plans) {
        List<NewTopic> creations = plans.stream()
                .filter(p -> p.action() == TopicPlan.Action.CREATE)
                .map(p -> new NewTopic(p.topic(), p.partitions(), p.replicationFactor()).configs(p.configs()))
                .toList();
        if (!creations.isEmpty()) {
            Futures.get(target.createTopics(creations).all());
        }
    }

    private static TopicPlan plan(String topic, int partitions, short replication, Map<String, String> configs,
                                  TopicDescription onTarget) {
        if (onTarget == null) {
            return new TopicPlan(topic, partitions, replication, configs, TopicPlan.Action.CREATE, null);
        }
        int targetPartitions = onTarget.partitions().size();
        if (targetPartitions == partitions) {
            return new TopicPlan(topic, partitions, replication, configs, TopicPlan.Action.EXISTS, null);
        }
        return new TopicPlan(topic, partitions, replication, configs, TopicPlan.Action.CONFLICT,
                "target has " + targetPartitions + " partitions, source " + partitions
                        + ": keyed records would land on other partitions");
    }

    private Map<String, Map<String, String>> explicitConfigs(List<String> topics) {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> described = Futures.get(source.describeConfigs(resources).all());
        Map<String, Map<String, String>> result = new TreeMap<>();
        described.forEach((resource, config) -> {
            Map<String, String> explicit = new TreeMap<>();
            for (ConfigEntry entry : config.entries()) {
                if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && entry.value() != null) {
                    explicit.put(entry.name(), entry.value());
                }
            }
            result.put(resource.name(), explicit);
        });
        return result;
    }
}
