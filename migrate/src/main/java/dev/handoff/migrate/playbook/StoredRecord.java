package dev.handoff.migrate.playbook;

/** Where one sequence-numbered record is stored on one cluster. */
public record StoredRecord(String topic, int partition, long offset, long seq) {
}
