package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void reloadsWhatWasPersisted() {
        // Given
        TopicCatalogue catalogue = TopicCatalogue.load(dir);
        Uuid id = Uuid.randomUuid();
        catalogue.put(new TopicMetadata("orders", id, 3, Map.of("retention.ms", "1000"), false));
        catalogue.put(new TopicMetadata("gone", Uuid.randomUuid(), 1, Map.of(), false));
        catalogue.remove("gone");
        // When
        TopicCatalogue reloaded = TopicCatalogue.load(dir);
        // Then
        assertThat(reloaded.all()).containsExactly(new TopicMetadata("orders", id, 3,
                Map.of("retention.ms", "1000"), false));
        assertThat(reloaded.byId(id)).isPresent();
        assertThat(dir.resolve("topics.json.tmp")).doesNotExist();
    }

    @Test
    void startsEmptyWithoutAFile() {
        // Given
        Path empty = dir.resolve("fresh");
        // When
        TopicCatalogue catalogue = TopicCatalogue.load(empty);
        // Then
        assertThat(catalogue.all()).isEmpty();
        assertThat(Files.exists(empty.resolve(TopicCatalogue.FILE_NAME))).isFalse();
    }
}
