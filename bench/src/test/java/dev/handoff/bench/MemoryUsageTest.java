package dev.handoff.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryUsageTest {

    private static final String PROC_STATUS = """
            Name:\tjava
            VmPeak:\t 5551232 kB
            VmSize:\t 5484688 kB
            VmHWM:\t  433152 kB
            VmRSS:\t  421888 kB
            RssAnon:\t  380000 kB
            Threads:\t74
            """;

    @Test
    void readsResidentAndPeakResidentMemoryInBytes() {
        // Given
        String status = PROC_STATUS;

        // When
        MemoryUsage memory = MemoryUsage.parse(status);

        // Then
        assertThat(memory).isEqualTo(new MemoryUsage(421_888L * 1024, 433_152L * 1024));
    }

    @Test
    void rejectsAStatusWithoutResidentMemory() {
        // Given
        String kernelThreadStatus = "Name:\tkthreadd\nThreads:\t1\n";

        // When / Then
        assertThatThrownBy(() -> MemoryUsage.parse(kernelThreadStatus))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmRSS");
    }

    @Test
    void readsALiveProcess() {
        // Given
        long pid = ProcessHandle.current().pid();

        // When
        MemoryUsage memory = MemoryUsage.ofProcess(pid);

        // Then
        assertThat(memory.rssBytes()).isPositive();
        assertThat(memory.peakRssBytes()).isGreaterThanOrEqualTo(memory.rssBytes());
    }
}
