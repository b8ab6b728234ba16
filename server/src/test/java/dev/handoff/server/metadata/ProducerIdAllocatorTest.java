package dev.handoff.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProducerIdAllocatorTest {

    @TempDir
    Path dir;

    @Test
    void neverReusesAnIdAfterARestart() {
        // Given
        ProducerIdAllocator before = ProducerIdAllocator.open(dir);
        long first = before.nextProducerId();
        long second = before.nextProducerId();
        // When
        long afterRestart = ProducerIdAllocator.open(dir).nextProducerId();
        // Then
        assertThat(second).isEqualTo(first + 1);
        assertThat(afterRestart).isGreaterThanOrEqualTo(first + ProducerIdAllocator.BLOCK_SIZE);
    }

    @Test
    void reservesTheNextBlockWhenOneIsUsedUp() {
        // Given
        ProducerIdAllocator allocator = ProducerIdAllocator.open(dir);
        long last = -1;
        for (int i = 0; i < ProducerIdAllocator.BLOCK_SIZE; i++) {
            last = allocator.nextProducerId();
        }
        // When
        long next = allocator.nextProducerId();
        long afterRestart = ProducerIdAllocator.open(dir).nextProducerId();
        // Then
        assertThat(next).isEqualTo(last + 1);
        assertThat(afterRestart).isEqualTo(2 * ProducerIdAllocator.BLOCK_SIZE);
    }
}
