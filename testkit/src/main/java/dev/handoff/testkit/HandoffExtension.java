package dev.handoff.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that runs an {@link EmbeddedHandoff} for a test class or for each test method, and injects
 * it into test and lifecycle method parameters of type {@code EmbeddedHandoff}.
 *
 * <p>The scope follows how it is registered:
 * <ul>
 *   <li>a {@code static} {@code @RegisterExtension} field, or {@link HandoffBroker @HandoffBroker} on the class:
 *       one broker for all tests of the class;</li>
 *   <li>an instance {@code @RegisterExtension} field: a fresh broker for every test method.</li>
 * </ul>
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HandoffExtension HANDOFF = new HandoffExtension().brokerProperty("num.partitions", "6");
 *
 * @Test
 * void producesAndConsumes(EmbeddedHandoff broker) { ... broker.bootstrapServers() ... }
 * }</pre>
 */
public final class HandoffExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private EmbeddedHandoff classBroker;
    private String classBrokerOwner;
    private EmbeddedHandoff methodBroker;

    /** Sets a broker property by its Kafka name; call before the extension starts its broker. */
    public HandoffExtension brokerProperty(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** The running broker of the current scope. */
    public EmbeddedHandoff broker() {
        EmbeddedHandoff current = methodBroker != null ? methodBroker : classBroker;
        if (current == null) {
            throw new IllegalStateException("No Handoff broker is running: the extension starts it before each test"
                    + " (instance field) or before all tests (static field)");
        }
        return current;
    }

    /** Shorthand for {@code broker().bootstrapServers()}. */
    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // Nested test classes inherit the extension; they share the enclosing class' broker.
        if (classBroker == null) {
            classBroker = newBroker(context);
            classBrokerOwner = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (classBroker != null && context.getUniqueId().equals(classBrokerOwner)) {
            EmbeddedHandoff broker = classBroker;
            classBroker = null;
            classBrokerOwner = null;
            broker.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classBroker == null) {
            methodBroker = newBroker(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (methodBroker != null) {
            EmbeddedHandoff broker = methodBroker;
            methodBroker = null;
            broker.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedHandoff.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        try {
            return broker();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private EmbeddedHandoff newBroker(ExtensionContext context) {
        EmbeddedHandoff.Builder builder = EmbeddedHandoff.builder().brokerProperties(properties);
        annotation(context).ifPresent(a -> BrokerProperties.parse(a.properties()).forEach(builder::brokerProperty));
        return builder.start();
    }

    private static Optional<HandoffBroker> annotation(ExtensionContext context) {
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, HandoffBroker.class));
    }
}
