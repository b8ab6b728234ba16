package dev.handoff.migrate.doctor;

/**
 * One thing the doctor found, with what to do about it.
 *
 * @param code    stable identifier for scripts, e.g. {@code CLASSIC_GROUP}
 * @param subject what it is about: a group id, {@code group/member}, or {@code cluster}
 */
public record Finding(Severity severity, String code, String subject, String problem, String fix) {
}
