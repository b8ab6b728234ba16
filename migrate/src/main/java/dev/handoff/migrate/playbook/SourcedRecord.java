package dev.handoff.migrate.playbook;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record tagged with the cluster it was read from. */
public record SourcedRecord<K, V>(ClusterRole source, ConsumerRecord<K, V> record) {
}
