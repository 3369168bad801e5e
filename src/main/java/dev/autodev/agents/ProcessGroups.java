package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents start their own tools (shells, test runners, language servers), so stopping only the CLI would leave those
 * behind. Each run is started as the leader of a new process group and stopped by signalling the whole group.
 *
 * <p>The group is made with perl's {@code setpgrp} rather than {@code setsid}: a new session would also put each
 * agent in its own scheduler autogroup, and with forty agents the server itself would get a fortieth of the CPU and
 * stop answering. Processes can be started at a lower priority ({@code nice}), so the API stays responsive under
 * load: perl lowers it too, so the chain before the command is one short program. Where perl is missing, {@code nice}
 * and {@code setsid} are the fallback; where both are, the process and its descendants are signalled one by one.
 * A running group's priority can be lowered later as well ({@link #lowerPriority}).
 */
public final class ProcessGroups {

    private static final Logger log = LoggerFactory.getLogger(ProcessGroups.class);
    private static final String SETPGRP_AND_EXEC = "setpgrp(0, 0); exec {$ARGV[0]} @ARGV or die \"cannot run $ARGV[0]: $!\\n\"";
    /** As {@code nice -n N} does: N more than the niceness it was started with. */
    private static final String RENICE = "setpriority(0, 0, getpriority(0, 0) + %d) or die \"cannot lower the priority: $!\\n\"; ";
    private static final Optional<String> PERL = executable("/usr/bin/perl", "/bin/perl");
    private static final Optional<String> SETSID = executable("/usr/bin/setsid", "/bin/setsid");
    private static final Optional<String> NICE = executable("/usr/bin/nice", "/bin/nice");

    private ProcessGroups() {}

    /** The command wrapped so that it leads a new process group, at the given niceness (0 leaves it alone). */
    static List<String> inNewGroup(List<String> command, int niceness) {
        List<String> wrapped = new ArrayList<>();
        if (PERL.isPresent()) {
            // One program both lowers the priority and makes the group: each program more in the chain is a few
            // milliseconds more between the job's dispatch and the agent's start.
            String script = (niceness > 0 ? RENICE.formatted(niceness) : "") + SETPGRP_AND_EXEC;
            wrapped.addAll(List.of(PERL.get(), "-e", script, "--"));
        } else {
            if (niceness > 0 && NICE.isPresent()) wrapped.addAll(List.of(NICE.get(), "-n", Integer.toString(niceness)));
            SETSID.ifPresent(wrapped::add);
        }
        wrapped.addAll(command);
        return List.copyOf(wrapped);
    }

    private static boolean groupsSupported() {
        return PERL.isPresent() || SETSID.isPresent();
    }

    private static Optional<String> executable(String... candidates) {
        return Stream.of(candidates).filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    /**
     * Lowers the priority of the group {@code leader} leads, every process and thread in it, to {@code steps} nicer
     * than the server (where there are no groups, of the leader alone). False if it could not be done.
     */
    public static boolean lowerPriority(ProcessHandle leader, int steps) {
        return SchedulingPriority.lower(leader, groupsSupported(), steps);
    }

    /** SIGTERM to the group {@code leader} leads. */
    public static void terminate(ProcessHandle leader) {
        signal(leader, "TERM");
    }

    /** SIGKILL to the group {@code leader} leads. */
    public static void kill(ProcessHandle leader) {
        signal(leader, "KILL");
    }

    private static void signal(ProcessHandle leader, String signal) {
        if (groupsSupported()) {
            try {
                new ProcessBuilder("kill", "-s", signal, "--", "-" + leader.pid())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
                return;
            } catch (IOException e) {
                log.warn("could not signal process group {}: {}", leader.pid(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leader.descendants().forEach(p -> destroy(p, signal));
        destroy(leader, signal);
    }

    private static void destroy(ProcessHandle process, String signal) {
        if (signal.equals("KILL")) process.destroyForcibly();
        else process.destroy();
    }
}
