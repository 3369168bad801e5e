package dev.autodev.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An agent's process leads a group of its own, at a lower priority than the server's, and dies with its group. */
class ProcessGroupsTest {

    @Test
    void theCommandLeadsANewGroupTenStepsNicerAndTheWholeGroupStops() throws Exception {
        int serverNiceness = niceness(ProcessHandle.current().pid());
        Process process = shellWithAChild(10);
        try {
            long pid = process.pid();
            assertThat(processGroup(pid)).as("the process leads its own group").isEqualTo(pid);
            assertThat(niceness(pid)).isEqualTo(Math.min(19, serverNiceness + 10));
            ProcessHandle child = process.toHandle().children().findFirst().orElseThrow();
            assertThat(processGroup(child.pid())).isEqualTo(pid);

            ProcessGroups.kill(process.toHandle());

            await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive() && !child.isAlive());
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void niceness0LeavesThePriorityAsItIs() throws Exception {
        int serverNiceness = niceness(ProcessHandle.current().pid());
        Process process = new ProcessBuilder(ProcessGroups.inNewGroup(List.of("/bin/sleep", "60"), 0)).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> process.toHandle().info().command()
                    .map(c -> c.endsWith("sleep")).orElse(false));
            assertThat(niceness(process.pid())).isEqualTo(serverNiceness);
            assertThat(processGroup(process.pid())).isEqualTo(process.pid());
        } finally {
            ProcessGroups.kill(process.toHandle());
            process.destroyForcibly();
        }
    }

    @Test
    void aRunningGroupIsLoweredAsAWholeChildrenIncluded() throws Exception {
        int serverNiceness = niceness(ProcessHandle.current().pid());
        Process process = shellWithAChild(0);
        try {
            ProcessHandle child = process.toHandle().children().findFirst().orElseThrow();
            assertThat(niceness(process.pid())).isEqualTo(serverNiceness);

            assertThat(ProcessGroups.lowerPriority(process.toHandle(), 10)).isTrue();

            assertThat(niceness(process.pid())).isEqualTo(Math.min(19, serverNiceness + 10));
            assertThat(niceness(child.pid())).as("the agent's tools too").isEqualTo(Math.min(19, serverNiceness + 10));
            assertThat(niceness(ProcessHandle.current().pid())).as("the server's own").isEqualTo(serverNiceness);
        } finally {
            ProcessGroups.kill(process.toHandle());
            process.destroyForcibly();
        }
    }

    /** A shell in a new group that starts a child of its own, as agents start their tools, once both are up. */
    private static Process shellWithAChild(int niceness) throws Exception {
        Process process = new ProcessBuilder(ProcessGroups.inNewGroup(List.of("/bin/sh", "-c", "sleep 60 & exec sleep 61"), niceness))
                .redirectErrorStream(true).start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> process.toHandle().info().command()
                    .map(c -> c.endsWith("sleep")).orElse(false) && process.toHandle().children().findAny().isPresent());
            return process;
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Fields of /proc/PID/stat after the command name: state is 3, pgrp 5, nice 19. */
    private static long statField(long pid, int field) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(after[field - 3]);
    }

    private static long processGroup(long pid) throws Exception {
        return statField(pid, 5);
    }

    private static int niceness(long pid) throws Exception {
        return (int) statField(pid, 19);
    }
}
