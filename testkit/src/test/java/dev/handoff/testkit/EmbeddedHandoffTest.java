package dev.handoff.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHandoffTest {

    @Test
    void startsOnAnEphemeralLoopbackPortThatAcceptsConnections() throws IOException {
        // Given
        try (EmbeddedHandoff broker = EmbeddedHandoff.builder().build()) {

            // When
            broker.start();

            // Then
            int port = broker.address().getPort();
            assertThat(port).isPositive();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void restartKeepsThePortAndTheDataDirectory() {
        // Given
        try (EmbeddedHandoff broker = EmbeddedHandoff.startDefault()) {
            String before = broker.bootstrapServers();
            Path dataDir = broker.dataDir();

            // When
            broker.restart();

            // Then
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(before);
            assertThat(broker.dataDir()).isEqualTo(dataDir).isDirectory();
        }
    }

    @Test
    void stopKeepsTheDataDirectoryAndStartComesBackOnIt() {
        // Given
        try (EmbeddedHandoff broker = EmbeddedHandoff.startDefault()) {
            broker.stop();

            // When
            boolean runningWhileStopped = broker.isRunning();
            broker.start();

            // Then
            assertThat(runningWhileStopped).isFalse();
            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.dataDir()).isDirectory();
        }
    }

    @Test
    void closeDeletesTheTemporaryDataDirectory() {
        // Given
        EmbeddedHandoff broker = EmbeddedHandoff.startDefault();
        Path dataDir = broker.dataDir();

        // When
        broker.close();

        // Then
        assertThat(broker.isRunning()).isFalse();
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void closeKeepsTheTemporaryDataDirectoryWhenAskedTo() {
        // Given
        EmbeddedHandoff broker = EmbeddedHandoff.builder().keepDataDir(true).start();
        Path dataDir = broker.dataDir();

        // When
        broker.close();

        // Then
        assertThat(dataDir).isDirectory();
        TempDirs.deleteRecursively(dataDir);
    }

    @Test
    void closeKeepsADataDirectoryTheTestProvided(@TempDir Path tempDir) {
        // Given
        Path dataDir = tempDir.resolve("handoff-data");
        EmbeddedHandoff broker = EmbeddedHandoff.builder().dataDir(dataDir).start();

        // When
        broker.close();

        // Then
        assertThat(broker.dataDir()).isEqualTo(dataDir);
        assertThat(dataDir).isDirectory();
    }

    @Test
    void passesBrokerPropertiesAndItsDataDirectoryAsLogDirs() {
        // Given
        EmbeddedHandoff.Builder builder = EmbeddedHandoff.builder().brokerProperty("num.partitions", "3");

        // When
        try (EmbeddedHandoff broker = builder.build()) {

            // Then
            assertThat(broker.brokerProperties())
                    .containsEntry("num.partitions", "3")
                    .containsEntry("log.dirs", broker.dataDir().toAbsolutePath().toString());
        }
    }

    @Test
    void refusesToSetTheListenersItManages() {
        // Given
        EmbeddedHandoff.Builder builder = EmbeddedHandoff.builder();

        // When / Then
        assertThatThrownBy(() -> builder.brokerProperty("listeners", "PLAINTEXT://0.0.0.0:9092"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listeners");
    }

    @Test
    void cannotBeStartedAgainAfterClose() {
        // Given
        EmbeddedHandoff broker = EmbeddedHandoff.startDefault();
        broker.close();

        // When / Then
        assertThatThrownBy(broker::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeIsIdempotent() {
        // Given
        EmbeddedHandoff broker = EmbeddedHandoff.startDefault();
        broker.close();

        // When
        broker.close();

        // Then
        assertThat(Files.exists(broker.dataDir())).isFalse();
    }
}
