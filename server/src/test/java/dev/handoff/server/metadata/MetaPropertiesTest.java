package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
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
}
