/**
 * Committed offsets: commit, fetch, delete, retention (KIP-211) and cleanup of deleted topics.
 */
package dev.handoff.coordinator.offsets;
