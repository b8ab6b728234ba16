package dev.handoff.cli;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.TimeZone;

/**
 * The console's line, {@value ConsoleLogConfigurator#PATTERN} in logback's pattern language, written out by hand:
 * logback's {@code PatternLayout} registers a supplier for each of its ~60 conversion words when it initialises,
 * then parses the pattern, and its date converter initialises {@code java.time.format}; together about 40 ms of
 * a broker's start on JDK 17 (class-load timeline, busy machine). The output is the same, stack traces included
 * (the converter a pattern without an exception word gets); {@code ConsoleLayoutTest} holds the two side by side.
 * The offset comes from {@link TimeZone} rather than {@code java.time}'s zone rules: their provider is looked up
 * with a {@code ServiceLoader}, which reads the 12,000-entry jar's directory and then the time-zone database a
 * second time, 15-30 ms on the main thread of every start.
 */
final class ConsoleLayout extends LayoutBase<ILoggingEvent> {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int LEVEL_WIDTH = 5;

    private final TimeZone zone = TimeZone.getDefault();
    private final ThrowableProxyConverter throwableConverter = new ThrowableProxyConverter();

    @Override
    public void start() {
        throwableConverter.setContext(getContext());
        throwableConverter.start();
        super.start();
    }

    @Override
    public void stop() {
        throwableConverter.stop();
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        appendTime(line, event.getTimeStamp());
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        line.append(" ".repeat(Math.max(0, LEVEL_WIDTH - level.length())));
        line.append(' ');
        String logger = event.getLoggerName();
        line.append(logger, logger.lastIndexOf('.') + 1, logger.length());
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        line.append(throwableConverter.convert(event));
        return line.toString();
    }

    /** {@code HH:mm:ss.SSS} in the JVM's time zone, as logback's {@code %d{HH:mm:ss.SSS}}. */
    private void appendTime(StringBuilder line, long epochMillis) {
        long offsetMillis = zone.getOffset(epochMillis);
        long millisOfDay = Math.floorMod(epochMillis + offsetMillis, MILLIS_PER_DAY);
        appendPadded(line, millisOfDay / 3_600_000, 2);
        line.append(':');
        appendPadded(line, millisOfDay / 60_000 % 60, 2);
        line.append(':');
        appendPadded(line, millisOfDay / 1_000 % 60, 2);
        line.append('.');
        appendPadded(line, millisOfDay % 1_000, 3);
    }

    private static void appendPadded(StringBuilder line, long value, int width) {
        String digits = Long.toString(value);
        line.append("0".repeat(width - digits.length())).append(digits);
    }
}
