package dev.handoff.log;

/**
 * What an append assigned.
 *
 * @param baseOffset       offset of the first record appended (or of the original batch for a duplicate)
 * @param lastOffset       offset of the last record appended
 * @param logAppendTimeMs  the broker timestamp for LogAppendTime topics, else -1
 * @param logStartOffset   the log start offset after the append
 * @param duplicate        true when an idempotent producer re-sent a batch that is already in the log
 */
public record AppendResult(long baseOffset, long lastOffset, long logAppendTimeMs, long logStartOffset,
                           boolean duplicate) {
}
