package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides the directory a run's process works in, just before it starts, on the run's own thread and outside any
 * transaction (preparing may run git). Without an implementation a run works in its job's work dir.
 */
public interface RunWorkspace {

    /**
     * The directory to start the process in, and the commit it starts from (null when it is not a git work tree).
     * Throwing fails the run before any process starts.
     */
    Prepared prepare(LaunchPlan plan) throws IOException;

    /** Where a run works; kept on the run ({@code agent_runs.work_dir}, {@code base_commit}). */
    record Prepared(Path dir, String baseCommit) {}
}
