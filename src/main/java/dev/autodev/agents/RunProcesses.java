package dev.autodev.agents;

/** How a batch run's process is set up, whether it is started for its run or ahead of it ({@link WarmStarts}). */
final class RunProcesses {

    private RunProcesses() {}

    /**
     * The command in a process group of its own, in its work dir, its output going to the run's files and its
     * prompt read from {@code files.prompt()}. It starts at the server's priority: a CLI's start is a burst of CPU
     * that decides when the agent first reaches its model, and one lowered from the first instant loses the CPU to
     * every other program (on the bench its first model call came 20 to 45 ms later). The supervisor lowers it once
     * it is past its start.
     */
    static ProcessBuilder builder(LaunchCommand command, RunFiles files, String runId) {
        return builder(command, files, runId, 0);
    }

    /** The same, started {@code niceness} steps nicer than the server (a start nobody waits for yet). */
    static ProcessBuilder builder(LaunchCommand command, RunFiles files, String runId, int niceness) {
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.inNewGroup(command.args(), niceness))
                .directory(command.workDir().toFile())
                .redirectInput(files.prompt().toFile())
                .redirectOutput(files.stdout().toFile())
                .redirectError(files.stderr().toFile());
        builder.environment().putAll(command.env());
        // How a restarted server recognises this process as the run's (see StartupRecovery).
        builder.environment().put("ORCHESTRATOR_AGENT_ID", runId);
        return builder;
    }
}
