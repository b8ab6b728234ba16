package dev.handoff.testkit.interop;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Whether an external tool is installed here, for the interop tests' assumptions. */
final class Tools {

    private Tools() {
    }

    /** True if the command starts and exits with 0 within 30 seconds. */
    static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
