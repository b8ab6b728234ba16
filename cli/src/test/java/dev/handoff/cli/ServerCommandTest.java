package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.BrokerConfig;
import dev.handoff.server.Endpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {

    @TempDir
    Path dir;

    private final List<BrokerConfig> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void readsTheGivenFileAndAppliesOverridesOnTop() throws IOException {
        // Given
        Path file = write("server.properties",
                "listeners=PLAINTEXT://127.0.0.1:9092\nnum.partitions=1\nlog.dirs=/nowhere\n");
        Path data = dir.resolve("data");

        // When
        int exitCode = execute(List.of(), "server", file.toString(),
                "--override", "num.partitions=7", "--override", "log.dirs=" + data);

        // Then
        assertThat(exitCode).isZero();
        assertThat(started).singleElement().satisfies(config -> {
            assertThat(config.numPartitions()).isEqualTo(7);
            assertThat(config.dataDir()).isEqualTo(data);
            assertThat(config.listener()).isEqualTo(new Endpoint("127.0.0.1", 9092));
        });
    }

    @Test
    void readsTheFirstDefaultConfigThatExistsWhenNoFileIsGiven() throws IOException {
        // Given
        Path installed = write("installed.properties",
                "listeners=PLAINTEXT://127.0.0.1:0\nauto.create.topics.enable=false\n");

        // When
        int exitCode = execute(List.of(dir.resolve("missing.properties"), installed), "server");

        // Then
        assertThat(exitCode).isZero();
        assertThat(started).singleElement()
                .satisfies(config -> assertThat(config.autoCreateTopicsEnable()).isFalse());
    }

    @Test
    void theShippedConfigListensOnLocalhost9092WithDataInTheWorkingDirectory() {
        // Given
        Path shipped = Path.of("..", "config", "server.properties");

        // When
        int exitCode = execute(List.of(), "server", shipped.toString());

        // Then
        assertThat(exitCode).isZero();
        assertThat(started).singleElement().satisfies(config -> {
            assertThat(config.listener()).isEqualTo(new Endpoint("127.0.0.1", 9092));
            assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        });
    }

    @Test
    void failsWithAUsageErrorWhenThereIsNoConfigFile() {
        // When
        int exitCode = execute(List.of(dir.resolve("missing.properties")), "server");

        // Then
        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("No config file");
        assertThat(started).isEmpty();
    }

    @Test
    void failsWithAUsageErrorNamingAMalformedProperty() throws IOException {
        // Given
        Path file = write("server.properties", "listeners=PLAINTEXT://127.0.0.1:0\n");

        // When
        int exitCode = execute(List.of(), "server", file.toString(), "--override", "num.partitions=many");

        // Then
        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("num.partitions");
        assertThat(started).isEmpty();
    }

    @Test
    void rejectsAnOverrideWithoutAValue() throws IOException {
        // Given
        Path file = write("server.properties", "listeners=PLAINTEXT://127.0.0.1:0\n");

        // When
        int exitCode = execute(List.of(), "server", file.toString(), "--override", "num.partitions");

        // Then
        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(started).isEmpty();
    }

    @Test
    void failsWithAUsageErrorWhenTheFileIsUnreadable() {
        // When
        int exitCode = execute(List.of(), "server", dir.resolve("absent.properties").toString());

        // Then
        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("absent.properties");
    }

    private int execute(List<Path> defaultConfigs, String... args) {
        BrokerRunner recording = config -> {
            started.add(config);
            return 0;
        };
        ServerCommand server = new ServerCommand(recording, defaultConfigs);
        CommandLine commandLine = new CommandLine(new HandoffCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ServerCommand.class ? type.cast(server) : CommandLine.defaultFactory().create(type);
            }
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
