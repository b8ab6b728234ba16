package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

class ServerArgumentsTest {

    static Stream<List<String>> plainForms() {
        return Stream.of(
                List.of("server"),
                List.of("server", "server.properties"),
                List.of("server", "config/server.properties", "--override", "num.partitions=3"),
                List.of("server", "--override", "log.dirs=/var/data", "server.properties"),
                List.of("server", "--override=num.partitions=3", "--override", "node.id=2"),
                List.of("server", "--override", "a=", "--override", "a=2", "--override", "b=x=y"),
                List.of("server", "--override", "listeners=PLAINTEXT://:9092", "my server.properties"),
                List.of("server", "--override", "a=1", "file=name.properties"));
    }

    @ParameterizedTest
    @MethodSource("plainForms")
    void readsThePlainFormsAsPicocliDoes(List<String> args) {
        // When
        Optional<ServerArguments> plain = ServerArguments.parsePlain(args);

        // Then
        assertThat(plain).contains(parsedByPicocli(args));
    }

    static Stream<List<String>> otherForms() {
        return Stream.of(
                List.of(),
                List.of("--version"),
                List.of("lab", "--help"),
                List.of("server", "--help"),
                List.of("server", "-h"),
                List.of("server", "-V"),
                List.of("server", "--verbose"),
                List.of("server", "one.properties", "two.properties"),
                List.of("server", "--override"),
                List.of("server", "--override", "num.partitions"),
                List.of("server", "--override", "=3"),
                List.of("server", "--override", "--help"),
                List.of("server", "--override="),
                List.of("server", "@arguments.txt"),
                List.of("server", "--", "server.properties"),
                List.of("server", ""),
                List.of("server", "bad\0path"));
    }

    @ParameterizedTest
    @MethodSource("otherForms")
    void leavesEveryOtherFormToPicocli(List<String> args) {
        // When
        Optional<ServerArguments> plain = ServerArguments.parsePlain(args);

        // Then
        assertThat(plain).isEmpty();
    }

    @Test
    void keepsTheOverridesInTheOrderGivenWithTheLastOfARepeatedNameWinning() {
        // When
        Optional<ServerArguments> plain = ServerArguments.parsePlain(
                List.of("server", "--override", "b=1", "--override", "a=2", "--override", "b=3"));

        // Then
        assertThat(plain).hasValueSatisfying(arguments -> {
            assertThat(arguments.configFile()).isEmpty();
            assertThat(arguments.overrides()).containsExactly(Map.entry("b", "3"), Map.entry("a", "2"));
        });
    }

    private static ServerArguments parsedByPicocli(List<String> args) {
        ServerCommand server = new ServerCommand(config -> 0, List.of(Path.of("unused.properties")));
        new CommandLine(new HandoffCommand(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ServerCommand.class ? type.cast(server) : CommandLine.defaultFactory().create(type);
            }
        }).parseArgs(args.toArray(String[]::new));
        return server.arguments();
    }
}
