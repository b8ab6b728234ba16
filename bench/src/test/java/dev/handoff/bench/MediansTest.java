package dev.handoff.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void takesTheMiddleOfAnOddNumberOfRuns() {
        // When
        int median = Medians.median(List.of(30, 10, 20), Comparator.naturalOrder());

        // Then
        assertThat(median).isEqualTo(20);
    }

    @Test
    void takesTheLowerMiddleOfAnEvenNumberOfRunsSoItIsARealRun() {
        // When
        int median = Medians.median(List.of(40, 10, 30, 20), Comparator.naturalOrder());

        // Then
        assertThat(median).isEqualTo(20);
    }

    @Test
    void takesTheNearestRankPercentile() {
        // Given
        List<Integer> twentyRuns = IntStream.rangeClosed(1, 20).boxed().toList();

        // When
        int p90 = Medians.percentile(twentyRuns, Comparator.naturalOrder(), 90);

        // Then
        assertThat(p90).isEqualTo(18);
    }
}
