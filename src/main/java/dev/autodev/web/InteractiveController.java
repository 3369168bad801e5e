package dev.autodev.web;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunRepository;
import dev.autodev.agents.RunStatus;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.interactive.InteractiveSupervisor;
import dev.autodev.interactive.SessionHooks;
import dev.autodev.interactive.TerminalAttachments;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The REST side of interactive sessions: what a session shows, raw input from scripts, disconnecting and
 * reconnecting browser terminals, and the session hook the agent's CLI calls with its run token. The live terminal
 * itself is a WebSocket ({@code /ws/terminal/{id}}, see {@code web.terminal}).
 */
@RestController
class InteractiveController {

    /** Input is what a person types or pastes; more than this in one call is a mistake. */
    static final int MAX_INPUT_CHARS = 64 * 1024;

    private final RunRepository runs;
    private final InteractiveSupervisor sessions;
    private final TerminalAttachments terminals;
    private final SessionHooks hooks;

    InteractiveController(RunRepository runs, InteractiveSupervisor sessions, TerminalAttachments terminals, SessionHooks hooks) {
        this.runs = runs;
        this.sessions = sessions;
        this.terminals = terminals;
        this.hooks = hooks;
    }

    /** What the session's terminal holds (scrollback, then screen, with colour escapes), for a late viewer. */
    @GetMapping("/api/agents/{id}/pty-history")
    History history(@PathVariable String id) {
        run(id);
        boolean live = sessions.hasSession(id);
        return new History(id, live, live ? sessions.history(id) : "", terminals.attached(id));
    }

    @PostMapping("/api/agents/{id}/input")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    Sent input(@PathVariable String id, @RequestBody(required = false) Input body) {
        run(id);
        if (body == null || body.text() == null || body.text().isEmpty()) throw new BadRequest("text", "is required and must not be empty");
        if (body.text().length() > MAX_INPUT_CHARS) {
            throw new BadRequest("text", "must be at most " + MAX_INPUT_CHARS + " characters, was " + body.text().length());
        }
        try {
            sessions.input(id, body.text());
        } catch (IOException e) {
            throw new Conflict(e.getMessage());
        }
        return new Sent(id, body.text().length());
    }

    /** Closes the browser terminals on the session; the agent keeps running. */
    @PostMapping("/api/agents/{id}/disconnect")
    Connection disconnect(@PathVariable String id) {
        run(id);
        int closed = terminals.detachAll(id, "disconnected");
        return new Connection(id, sessions.hasSession(id), closed, null);
    }

    /** Says whether the session can be re-attached, and where: 409 when it is gone. */
    @PostMapping("/api/agents/{id}/reconnect")
    Connection reconnect(@PathVariable String id) {
        AgentRun run = run(id);
        if (!sessions.hasSession(id)) {
            throw new Conflict("run " + id + " has no live terminal session (it is " + run.status().wireName() + ")");
        }
        return new Connection(id, true, terminals.attached(id), "/ws/terminal/" + id);
    }

    /** The session hook (Stop, Notification, UserPromptSubmit; Codex's notify), authenticated by the run's token. */
    @PostMapping("/api/interactive/hook")
    ResponseEntity<?> hook(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                           @RequestBody(required = false) JsonNode body) {
        Optional<AgentIdentity> caller = bearer(authorization).flatMap(hooks::caller);
        if (caller.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(new ApiErrors.ErrorBody(401, "unauthorized", null,
                            "a run token is required (Authorization: Bearer <token>); unknown, or the run has ended"));
        }
        if (body == null || !body.isObject()) throw new BadRequest("body", "the hook's JSON object is required");
        RunStatus status = hooks.report(caller.get(), body);
        return ResponseEntity.ok(new HookAnswer(caller.get().runId(), status));
    }

    private AgentRun run(String id) {
        return runs.find(id).orElseThrow(() -> new NotFound("agent", id));
    }

    private static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    record Input(String text) {}

    record Sent(String runId, int chars) {}

    record History(String runId, boolean live, String history, int attachedTerminals) {}

    /** @param terminal the WebSocket path of the live terminal, when it can be attached */
    record Connection(String runId, boolean live, int attachedTerminals, String terminal) {}

    record HookAnswer(String runId, RunStatus status) {}
}
