package dev.handoff.log;

public record TimestampAndOffset(long timestampMs, long offset) {
}
