package dev.handoff.migrate.groups;

/**
 * A group's position on one partition.
 *
 * @param committed {@code null} when the group has not committed on this partition
 * @param lag       end offset minus committed offset; {@code null} without a commit
 * @param owner     the member that owns the partition now, {@code null} if none
 */
public record PartitionOffsetView(String topic, int partition, Long committed, long endOffset, Long lag, String owner) {
}
