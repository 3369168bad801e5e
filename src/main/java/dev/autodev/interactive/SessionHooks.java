package dev.autodev.interactive;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunLifecycle;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.agents.RunTokens;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What an interactive session's CLI reports through the session hook, authenticated by the run's own token. A turn
 * that ends (Claude Code's Stop, a Notification that it waits for the person, Codex's agent-turn-complete) makes the
 * run {@code idle}; a prompt the person submits (UserPromptSubmit) makes it {@code running} again. The CLI's own
 * signals, not the screen, decide.
 */
@Component
public class SessionHooks {

    private final RunTokens tokens;
    private final RunRepository runs;
    private final RunLifecycle lifecycle;
    private final InteractiveSupervisor supervisor;
    private final TransactionTemplate tx;

    SessionHooks(RunTokens tokens, RunRepository runs, RunLifecycle lifecycle, InteractiveSupervisor supervisor,
                 TransactionTemplate tx) {
        this.tokens = tokens;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.supervisor = supervisor;
        this.tx = tx;
    }

    /** The run the token belongs to, when it is active. */
    public Optional<AgentIdentity> caller(String token) {
        return tokens.resolve(token);
    }

    /** Applies one hook call of {@code caller}'s session; returns the run's status afterwards. */
    public RunStatus report(AgentIdentity caller, JsonNode hook) {
        String event = hook.path("hook_event_name").asString(hook.path("type").asString(""));
        String transcript = hook.path("transcript_path").asString(null);
        supervisor.session(caller.runId()).ifPresent(session -> {
            session.leaveStartSlot();
            if (transcript != null && !transcript.isBlank()) session.transcript(Path.of(transcript));
        });
        RunStatus after = switch (event) {
            case "Stop", "Notification", "agent-turn-complete" -> move(caller, RunStatus.RUNNING, RunStatus.IDLE, "turn ended: " + event);
            case "UserPromptSubmit" -> move(caller, RunStatus.IDLE, RunStatus.RUNNING, "prompt submitted");
            default -> current(caller);
        };
        // The transcript has what the turn said (answer, tokens): record it now rather than at the next poll.
        supervisor.wake(caller.runId());
        return after;
    }

    private RunStatus move(AgentIdentity caller, RunStatus from, RunStatus to, String reason) {
        tx.executeWithoutResult(s -> {
            AgentRun run = runs.findForUpdate(caller.runId()).orElse(null);
            if (run != null && run.status() == from) lifecycle.move(run.id(), run.jobId(), from, to, reason);
        });
        return current(caller);
    }

    private RunStatus current(AgentIdentity caller) {
        return runs.find(caller.runId()).map(AgentRun::status).orElse(null);
    }
}
