/**
 * The classic group protocol (JoinGroup, SyncGroup, Heartbeat, LeaveGroup) as Kafka 4.4 runs it, including
 * KIP-394 member ids, KIP-345 static membership and KIP-814 skip-assignment.
 */
package dev.handoff.coordinator.classic;
