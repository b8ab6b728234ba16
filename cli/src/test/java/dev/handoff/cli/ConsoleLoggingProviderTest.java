package dev.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

class ConsoleLoggingProviderTest {

    @Test
    void startsALoggerContextConfiguredForTheConsole() {
        // Given
        ConsoleLoggingProvider provider = new ConsoleLoggingProvider();

        // When
        provider.initialize();

        // Then
        LoggerContext context = (LoggerContext) provider.getLoggerFactory();
        assertThat(context.isStarted()).isTrue();
        assertThat(context.getName()).isEqualTo("default");
        assertThat(context.getMDCAdapter()).isSameAs(provider.getMDCAdapter());
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(root.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
        assertThat(context.getLogger("org.apache.kafka.clients").getEffectiveLevel()).isEqualTo(Level.WARN);
    }
}
