package dev.autodev.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.stereotype.Component;

/** Makes a run's {@link AgentConnection}: the same for a batch run and an interactive one. */
@Component
public class AgentConnections {

    private final AgentProperties properties;
    private final OrchestratorEndpoints endpoints;
    private final LockHookInstaller hooks;

    AgentConnections(AgentProperties properties, OrchestratorEndpoints endpoints, LockHookInstaller hooks) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.hooks = hooks;
    }

    /** The run's connection, with a fresh private folder for the config files that carry its token. */
    public AgentConnection open(LaunchPlan plan) throws IOException {
        Path configDir = properties.logDir().resolve(plan.runId() + ".config");
        Files.createDirectories(configDir);
        // The directory holds files with the run's token: only this user may read them.
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwx------"));
        return new AgentConnection(plan.token(), endpoints.mcpUrl(), endpoints.apiUrl(), hooks.hook(), configDir,
                hooks.sessionHook());
    }
}
