package dev.autodev.agents;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the priority of a running process group, every thread of every process in it, by calling the C library's
 * {@code setpriority} directly: starting a {@code renice} program for each agent would cost a process start each
 * time. Where the library cannot be called, nothing is lowered and the agent runs at the server's priority.
 */
final class SchedulingPriority {

    private static final Logger log = LoggerFactory.getLogger(SchedulingPriority.class);
    private static final int PRIO_PROCESS = 0;
    private static final int PRIO_PGRP = 1;
    private static final Optional<MethodHandle> GET = function("getpriority",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final Optional<MethodHandle> SET = function("setpriority",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private SchedulingPriority() {}

    /**
     * Sets the group {@code leader} leads (or, where there are no groups, the process alone) to {@code steps} nicer
     * than this server, as {@code nice -n steps} would have started it. False when the system refused or the library
     * could not be called.
     */
    static boolean lower(ProcessHandle leader, boolean leadsGroup, int steps) {
        if (steps <= 0 || GET.isEmpty() || SET.isEmpty()) return false;
        try {
            int own = (int) GET.get().invokeExact(PRIO_PROCESS, 0);
            int target = Math.min(19, own + steps);
            int result = (int) SET.get().invokeExact(leadsGroup ? PRIO_PGRP : PRIO_PROCESS, (int) leader.pid(), target);
            if (result != 0 && leader.isAlive()) log.debug("could not lower the priority of process {}", leader.pid());
            return result == 0;
        } catch (Throwable e) {
            log.debug("could not lower the priority of process {}", leader.pid(), e);
            return false;
        }
    }

    private static Optional<MethodHandle> function(String name, FunctionDescriptor descriptor) {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(name).map(address -> linker.downcallHandle(address, descriptor));
        } catch (RuntimeException | LinkageError e) {
            log.info("{} cannot be called here ({}); agents keep the server's priority", name, e.toString());
            return Optional.empty();
        }
    }
}
