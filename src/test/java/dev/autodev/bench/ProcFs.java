package dev.autodev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux's /proc tells about another process: its CPU time and resident memory. The bench reads these for the
 * server it started as its own process, where the JVM's own management beans cannot reach.
 */
final class ProcFs {

    /** USER_HZ: the unit of /proc times, 100 on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {}

    /** Whether there is a /proc to read (Linux); without it the CPU and memory figures are left out. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /**
     * Seconds of user+system CPU of the process and of the children it has reaped (utime, stime, cutime, cstime);
     * 0 once it is gone.
     */
    static double cpuSecondsWithReaped(long pid) {
        long[] times = times(pid);
        return (times[0] + times[1] + times[2] + times[3]) / TICKS_PER_SECOND;
    }

    /** Seconds of user+system CPU of the children the process has reaped (cutime + cstime); 0 once it is gone. */
    static double reapedChildrenCpuSeconds(long pid) {
        long[] times = times(pid);
        return (times[2] + times[3]) / TICKS_PER_SECOND;
    }

    /** Seconds of user+system CPU of the process itself (utime + stime); 0 once it is gone. */
    static double ownCpuSeconds(long pid) {
        long[] times = times(pid);
        return (times[0] + times[1]) / TICKS_PER_SECOND;
    }

    /**
     * The CPU a process tree has used so far: the root and every live descendant, each with the children it reaped,
     * so a launcher script's finished helpers (such as a JVM that trained a cache) count too.
     */
    static double treeCpuSeconds(ProcessHandle root) {
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            return cpuSecondsWithReaped(root.pid())
                    + descendants.mapToDouble(p -> cpuSecondsWithReaped(p.pid())).sum();
        }
    }

    /** Resident set size in MiB (VmRSS of /proc/PID/status), or NaN when the process is gone. */
    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip()) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return Double.NaN;
    }

    /** utime, stime, cutime, cstime in ticks; zeros when the process is gone. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may contain spaces, so count fields after its closing one.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                    Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }
}
