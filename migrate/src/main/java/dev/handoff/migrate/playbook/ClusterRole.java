package dev.handoff.migrate.playbook;

/** Which cluster of a migration a record came from. */
public enum ClusterRole {
    OLD,
    NEW
}
