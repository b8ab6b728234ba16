package dev.handoff.server.metadata;

import java.util.List;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigSource;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigType;

/**
 * One config as DescribeConfigs and CreateTopics (v5+) report it.
 *
 * @param synonyms where the value could come from, most specific first (DescribeConfigs v1+)
 */
public record DescribedConfig(String name, String value, ConfigSource source, boolean readOnly, ConfigType type,
                              List<Synonym> synonyms) {

    public record Synonym(String name, String value, ConfigSource source) {
    }
}
