package dev.autodev.git;

import dev.autodev.agents.AgentEvent;
import dev.autodev.agents.EventRepository;
import dev.autodev.agents.RunWorkspace;
import dev.autodev.jobs.CompletionCheck;
import dev.autodev.jobs.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a job's completion checks against a run that reported success, in the directory it worked in. Slow (git,
 * shell commands): call it outside any transaction.
 */
@Component
public class CompletionChecks {

    private static final Logger log = LoggerFactory.getLogger(CompletionChecks.class);
    static final int EVENTS_LOOKED_AT = 50;
    private static final int OUTPUT_CHARS = 2000;

    private final EventRepository events;
    private final GitProperties properties;

    CompletionChecks(EventRepository events, GitProperties properties) {
        this.events = events;
        this.properties = properties;
    }

    /** Why the first failing check failed (with its output), or empty when every check passed. */
    public Optional<String> firstFailure(Job job, String runId, RunWorkspace.Prepared workspace) {
        for (String text : job.completionChecks()) {
            CompletionCheck check = CompletionCheck.parse(text).orElseThrow();
            Optional<String> failure;
            try {
                failure = switch (check.kind()) {
                    case DIFF_NOT_EMPTY -> diffNotEmpty(workspace);
                    case NO_ERROR_IN_OUTPUT -> noErrorInOutput(runId);
                    case CUSTOM_COMMAND -> customCommand(check.command(), workspace.dir());
                };
            } catch (IOException | RuntimeException e) {
                failure = Optional.of("could not run: " + e.getMessage());
            }
            if (failure.isPresent()) return Optional.of("completion check " + check.text() + " failed: " + failure.get());
        }
        return Optional.empty();
    }

    private Optional<String> diffNotEmpty(RunWorkspace.Prepared workspace) throws IOException {
        Path dir = workspace.dir();
        if (!Files.isDirectory(dir)) return Optional.of("work dir " + dir + " is gone");
        Commands.Result untracked = Commands.git(dir, properties.commandTimeout(), "ls-files", "--others", "--exclude-standard");
        if (!untracked.ok()) return Optional.of(dir + " is not a git work tree: " + untracked.tail(300));
        if (!untracked.out().isBlank()) return Optional.empty();
        String base = workspace.baseCommit() != null ? workspace.baseCommit() : "HEAD";
        // Against the base commit, so both what the agent committed and what it left uncommitted count.
        Commands.Result diff = Commands.git(dir, properties.commandTimeout(), "diff", "--quiet", base, "--");
        if (diff.exit() == 1) return Optional.empty();
        if (diff.exit() != 0) return Optional.of("git diff failed: " + diff.tail(300));
        return Optional.of("no changes since " + base.substring(0, Math.min(12, base.length())));
    }

    private Optional<String> noErrorInOutput(String runId) {
        List<AgentEvent> last = events.last(runId, EVENTS_LOOKED_AT);
        for (AgentEvent event : last.reversed()) {
            if (event.type().equals("error")) return Optional.of("the output has an error: " + clip(event.text()));
            if (event.type().equals("tool_result") && event.data() != null && event.data().path("isError").asBoolean(false)) {
                return Optional.of("a tool failed: " + clip(event.text()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> customCommand(String command, Path dir) throws IOException {
        Commands.Result result = Commands.run(dir, properties.checkTimeout(), List.of("bash", "-c", command));
        log.info("completion check `{}` in {} exited {}", command, dir, result.exit());
        if (result.ok()) return Optional.empty();
        String output = result.tail(OUTPUT_CHARS);
        return Optional.of("exit code " + result.exit() + (output.isEmpty() ? "" : "\n" + output));
    }

    private static String clip(String text) {
        if (text == null) return "";
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
