package dev.autodev.agents;

import java.nio.file.Path;

/**
 * Who is calling: the run a valid token belongs to. Everything an agent does over MCP or through the lock hook is
 * done as this run, and only as this run.
 *
 * @param workDir the run's working directory; relative paths an agent sends are resolved against it
 */
public record AgentIdentity(String runId, String jobId, String model, Path workDir) {}
