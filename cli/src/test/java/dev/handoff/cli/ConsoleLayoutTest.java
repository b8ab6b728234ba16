package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleLayoutTest {

    private final LoggerContext context = new LoggerContext();

    static Stream<ILoggingEvent> events() {
        LoggerContext context = new LoggerContext();
        return Stream.of(
                event(context, "dev.handoff.server.BrokerServer", Level.INFO, "Broker {} listening on {}",
                        null, "2026-11-27T06:55:00.007Z", 1, "127.0.0.1:9092"),
                event(context, "dev.handoff.cli.ForegroundBrokerRunner", Level.WARN, "late", null,
                        "2026-11-27T23:59:59.999Z"),
                event(context, "root-without-dots", Level.ERROR, "failed", new IllegalStateException("outer",
                        new UncheckedIOException("inner", new IOException("disk"))), "2026-03-29T01:00:00Z"),
                event(context, "a.b.", Level.DEBUG, "", null, "1970-01-01T00:00:00Z"),
                event(context, "x.TRACE", Level.TRACE, "multi\nline", new RuntimeException(),
                        "2026-10-25T00:59:59.5Z"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesTheSameLinesAsLogbacksPatternLayout(ILoggingEvent event) {
        // Given
        PatternLayout pattern = patternLayout();
        ConsoleLayout console = consoleLayout();

        // When
        String line = console.doLayout(event);

        // Then
        assertThat(line).isEqualTo(pattern.doLayout(event));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham"})
    void writesTheTimeInTheJvmsTimeZoneAsLogbackDoes(String zone) {
        // Given
        TimeZone previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            PatternLayout pattern = patternLayout();
            ConsoleLayout console = consoleLayout();

            // When / Then: either side of a daylight saving change in each hemisphere
            Stream.of("2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00Z", "2026-04-05T13:30:00.123Z",
                            "2026-09-27T14:00:00Z", "2026-10-25T01:00:00.001Z", "2026-11-01T06:30:00Z")
                    .map(at -> event(context, "dev.handoff.Clock", Level.INFO, "tick", null, at))
                    .forEach(event -> assertThat(console.doLayout(event)).isEqualTo(pattern.doLayout(event)));
        } finally {
            TimeZone.setDefault(previous);
        }
    }

    private PatternLayout patternLayout() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(ConsoleLogConfigurator.PATTERN);
        layout.start();
        return layout;
    }

    private ConsoleLayout consoleLayout() {
        ConsoleLayout layout = new ConsoleLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private static ILoggingEvent event(LoggerContext context, String logger, Level level, String message,
                                       Throwable error, String at, Object... arguments) {
        LoggingEvent event = new LoggingEvent(ConsoleLayoutTest.class.getName(), context.getLogger(logger), level,
                message, error, arguments);
        event.setInstant(Instant.parse(at));
        return event;
    }
}
