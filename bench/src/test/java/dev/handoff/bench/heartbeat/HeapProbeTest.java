package dev.handoff.bench.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapProbeTest {

    @Test
    void readsTheUsedHeapFromTheFirstLineOfJcmdHeapInfo() {
        // Given
        String heapInfo = """
                12345:
                 garbage-first heap   total 1048576K, used 73728K [0x00000000c0000000, 0x0000000100000000)
                  region size 1024K, 10 young (10240K), 0 survivors (0K)
                 Metaspace       used 51200K, committed 52224K, reserved 1114112K
                """;

        // When
        long used = HeapProbe.parseHeapInfo(heapInfo);

        // Then
        assertThat(used).isEqualTo(73_728L * 1024);
    }
}
