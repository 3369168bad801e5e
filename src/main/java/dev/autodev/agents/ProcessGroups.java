package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents start their own tools (shells, test runners, language servers), so stopping only the CLI would leave those
 * behind. Each run is started as the leader of a new process group with {@code setsid}, and stopped by signalling
 * the whole group. Where {@code setsid} is missing, the process and its descendants are signalled one by one.
 */
final class ProcessGroups {

    private static final Logger log = LoggerFactory.getLogger(ProcessGroups.class);
    private static final Optional<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst();

    private ProcessGroups() {}

    /** The command with a new-session wrapper in front, when the system has one. */
    static List<String> inNewGroup(List<String> command) {
        return SETSID.map(setsid -> Stream.concat(Stream.of(setsid), command.stream()).toList()).orElse(command);
    }

    static void terminate(ProcessHandle leader) {
        signal(leader, "TERM");
    }

    static void kill(ProcessHandle leader) {
        signal(leader, "KILL");
    }

    private static void signal(ProcessHandle leader, String signal) {
        if (SETSID.isPresent()) {
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
