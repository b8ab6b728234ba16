package dev.handoff.log;

/**
 * Broker-wide settings of a {@link FileLogStore}, named after Kafka's broker configs.
 *
 * @param producerIdExpirationMs {@code producer.id.expiration.ms}: idle idempotent producers are forgotten after this
 * @param fileDeleteDelayMs      {@code file.delete.delay.ms}: how long a deleted segment's channel stays open for
 *                               reads already in flight
 */
public record LogStoreSettings(long producerIdExpirationMs, long fileDeleteDelayMs) {

    public static final LogStoreSettings DEFAULTS = new LogStoreSettings(86_400_000L, 60_000L);
}
