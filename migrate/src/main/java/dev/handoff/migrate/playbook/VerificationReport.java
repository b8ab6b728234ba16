package dev.handoff.migrate.playbook;

import java.util.List;

/**
 * What a migration lost and duplicated.
 *
 * @param produced     distinct sequence numbers that should have been consumed
 * @param consumed     records consumed, duplicates included
 * @param lost         produced but never consumed
 * @param duplicates   consumptions beyond the first of the same sequence number (at-least-once redelivery)
 * @param unexpected   consumed sequence numbers that were never produced
 * @param lostSample   the first few lost sequence numbers
 * @param duplicatedSample the first few duplicated sequence numbers
 */
public record VerificationReport(long produced, long consumed, long lost, long duplicates, long unexpected,
                                 List<Long> lostSample, List<Long> duplicatedSample) {

    public boolean nothingLost() {
        return lost == 0;
    }

    public String render() {
        return "produced " + produced + ", consumed " + consumed + ", lost " + lost
                + (lost == 0 ? "" : " (first: " + lostSample + ")")
                + ", duplicates " + duplicates + (duplicates == 0 ? "" : " (first: " + duplicatedSample + ")")
                + ", unexpected " + unexpected;
    }
}
