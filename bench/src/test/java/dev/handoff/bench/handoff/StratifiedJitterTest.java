package dev.handoff.bench.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedJitterTest {

    @Test
    void everyRepetitionGetsItsOwnEvenlySpacedPhaseBeforeTheJoinAndBeforeTheLeave() {
        // When
        StratifiedJitter jitter = new StratifiedJitter(5_000, 5, 1);

        // Then
        assertThat(IntStream.range(0, 5).mapToObj(jitter::beforeJoin).toList())
                .containsExactlyInAnyOrder(500L, 1_500L, 2_500L, 3_500L, 4_500L);
        assertThat(IntStream.range(0, 5).mapToObj(jitter::beforeLeave).toList())
                .containsExactlyInAnyOrder(500L, 1_500L, 2_500L, 3_500L, 4_500L);
    }

    @Test
    void theSameSeedGivesTheSameOrderSoEveryContenderMeetsTheSamePhases() {
        // Given
        StratifiedJitter first = new StratifiedJitter(5_000, 25, 7);
        StratifiedJitter second = new StratifiedJitter(5_000, 25, 7);

        // When
        List<Long> firstJoins = IntStream.range(0, 25).mapToObj(first::beforeJoin).toList();
        List<Long> secondJoins = IntStream.range(0, 25).mapToObj(second::beforeJoin).toList();

        // Then
        assertThat(secondJoins).isEqualTo(firstJoins).isNotEqualTo(firstJoins.stream().sorted().toList());
    }

    @Test
    void noJitterAddsNothing() {
        // When
        StratifiedJitter jitter = new StratifiedJitter(0, 3, 1);

        // Then
        assertThat(List.of(jitter.beforeJoin(0), jitter.beforeJoin(2), jitter.beforeLeave(1))).containsOnly(0L);
    }
}
