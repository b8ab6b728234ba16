package dev.handoff.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.CoreConstants;

/**
 * SLF4J's provider for the command line: logback, configured by {@link ConsoleLogConfigurator} directly. Logback's
 * own initialiser looks its configurators up in the jar, then records and checks status messages built with string
 * concatenations, each of whose shapes the JVM first has to generate code for: about 30 ms of every broker start,
 * on the main thread. {@link Main} selects this provider with {@code -Dslf4j.provider} (which also spares SLF4J's
 * own lookup of providers) unless one is given. With {@code -Dlogback.configurationFile} or
 * {@code -Dlogback.statusListenerClass}, logback initialises itself as usual.
 */
public final class ConsoleLoggingProvider extends LogbackServiceProvider {

    private static final String STATUS_LISTENER_PROPERTY = "logback.statusListenerClass";

    @Override
    public void initialize() {
        if (System.getProperty(ConsoleLogConfigurator.CONFIGURATION_FILE_PROPERTY) != null
                || System.getProperty(STATUS_LISTENER_PROPERTY) != null) {
            super.initialize();
            return;
        }
        // As LogbackServiceProvider.initialize, with the console configuration in place of its initialiser.
        LoggerContext context = (LoggerContext) getLoggerFactory();
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(getMDCAdapter());
        ConsoleLogConfigurator configurator = new ConsoleLogConfigurator();
        configurator.setContext(context);
        configurator.configure(context);
        context.start();
    }
}
