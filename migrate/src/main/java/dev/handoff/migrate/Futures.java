package dev.handoff.migrate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;

/** Waits for Admin results with a bound, and surfaces the Kafka exception instead of its wrapper. */
public final class Futures {

    private static final long TIMEOUT_SECONDS = 30;

    private Futures() {
    }

    public static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("No answer from the cluster within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted", e);
        }
    }
}
