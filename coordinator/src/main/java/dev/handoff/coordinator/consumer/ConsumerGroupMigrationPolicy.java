package dev.handoff.coordinator.consumer;

import java.util.Locale;

/**
 * {@code group.consumer.migration.policy} (KIP-848 online migration, spec §17): which way a non-empty group may be
 * converted between the classic and the consumer protocol while it runs. Empty groups are converted regardless.
 */
public enum ConsumerGroupMigrationPolicy {

    /** Both upgrade (classic to consumer) and downgrade (consumer to classic): Kafka's default. */
    BIDIRECTIONAL,
    /** Only classic to consumer. */
    UPGRADE,
    /** Only consumer to classic. */
    DOWNGRADE,
    /** Neither; classic members cannot join a consumer group either. */
    DISABLED;

    /**
     * @param value a policy name, case-insensitive as Kafka accepts it
     * @throws IllegalArgumentException for an unknown name
     */
    public static ConsumerGroupMigrationPolicy parse(String value) {
        for (ConsumerGroupMigrationPolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException("Unknown consumer group migration policy: " + value);
    }

    public boolean isUpgradeEnabled() {
        return this == BIDIRECTIONAL || this == UPGRADE;
    }

    public boolean isDowngradeEnabled() {
        return this == BIDIRECTIONAL || this == DOWNGRADE;
    }

    /** @return true unless migration is disabled (classic members may then join consumer groups) */
    public boolean isEnabled() {
        return this != DISABLED;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
