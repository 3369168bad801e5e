package dev.autodev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM's finished child processes, from {@code /proc/self/stat}. The kernel adds a child's user and
 * system time to its parent's cutime/cstime when the parent reaps it, and the JVM reaps every process it starts, so
 * the difference between two readings is what the CLIs that ended in between cost, with no per-process bookkeeping.
 * Grandchildren count only if the CLI itself waited for them.
 */
final class ChildCpu {

    /** USER_HZ: the unit of /proc times, 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path STAT = Path.of("/proc/self/stat");

    private ChildCpu() {}

    static boolean available() {
        return Files.isReadable(STAT);
    }

    /** Seconds of user+system CPU used by reaped children so far; 0 where /proc is missing. */
    static double reapedSeconds() {
        if (!available()) return 0;
        try {
            String stat = Files.readString(STAT);
            // The command name is in parentheses and may contain spaces, so count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long cutime = Long.parseLong(fields[13]);
            long cstime = Long.parseLong(fields[14]);
            return (cutime + cstime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Seconds of CPU this JVM itself has used (the server, the fake model and the bench's own threads). */
    static double ownSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }
}
