package dev.handoff.bench.handoff;

import java.util.Optional;

/**
 * What one contender measured; a part that was not run is empty.
 *
 * @param contender the column
 * @param settle    the isolated join and leave
 * @param rolling   the rolling restart
 * @param load      the 1-minute load average when the contender's runs started and ended, e.g. {@code 7.1 → 9.3}
 */
record ContenderFigures(Contender contender, Optional<SettleFigures> settle, Optional<RollingFigures> rolling,
                        String load) {
}
