/**
 * Coordinator records (the persisted state changes), their factories and their versioned binary form.
 */
package dev.handoff.coordinator.record;
