package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void generatesAClusterIdOnceAndKeepsIt() {
        // Given
        MetaProperties first = MetaProperties.loadOrCreate(dir, Optional.empty(), 1);
        // When
        MetaProperties second = MetaProperties.loadOrCreate(dir, Optional.empty(), 1);
        // Then
        assertThat(second.clusterId()).isEqualTo(first.clusterId()).isNotBlank();
    }

    @Test
    void refusesADirectoryOfAnotherCluster() {
        // Given
        MetaProperties.loadOrCreate(dir, Optional.of("cluster-a"), 1);
        // When / Then
        assertThatThrownBy(() -> MetaProperties.loadOrCreate(dir, Optional.of("cluster-b"), 1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster-a");
    }

    @Test
    void keepsAClusterIdWithCharactersThePropertiesFormatEscapes() {
        // Given
        String clusterId = " a=b:c#d!e\\f\tg\nh\ri\fj é";
        MetaProperties.loadOrCreate(dir, Optional.of(clusterId), 1);
        // When
        MetaProperties reread = MetaProperties.loadOrCreate(dir, Optional.empty(), 1);
        // Then
        assertThat(reread.clusterId()).isEqualTo(clusterId);
    }

    @Test
    void writesKafkasKeysInThePropertiesFormat() throws IOException {
        // Given
        MetaProperties created = MetaProperties.loadOrCreate(dir, Optional.empty(), 3);
        // When
        Properties stored = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve(MetaProperties.FILE_NAME), StandardCharsets.UTF_8)) {
            stored.load(reader);
        }
        // Then
        assertThat(stored).containsOnly(entry("version", "1"), entry("cluster.id", created.clusterId()),
                entry("node.id", "3"));
    }
}
