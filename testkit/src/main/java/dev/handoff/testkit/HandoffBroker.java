package dev.handoff.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one {@link EmbeddedHandoff} for the annotated test class and injects it into parameters of type
 * {@code EmbeddedHandoff}.
 *
 * <pre>{@code
 * @HandoffBroker(properties = {"num.partitions=3", "auto.create.topics.enable=false"})
 * class MyIT {
 *     @Test
 *     void works(EmbeddedHandoff broker) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HandoffExtension.class)
public @interface HandoffBroker {

    /** Broker properties as {@code name=value}, with Kafka's names. */
    String[] properties() default {};
}
