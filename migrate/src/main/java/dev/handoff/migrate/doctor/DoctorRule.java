package dev.handoff.migrate.doctor;

import java.util.List;

/** One check: a pure function from what was observed to what is wrong. */
interface DoctorRule {

    List<Finding> examine(DoctorSnapshot snapshot);
}
