package dev.autodev.agents.claude;

import dev.autodev.agents.FinalResult;
import dev.autodev.agents.JsonLines;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Claude Code's session transcript ({@code <home>/projects/<folder>/<sessionId>.jsonl}). Its {@code assistant}
 * and {@code user} lines have the shape of print mode's stream-json lines, so the batch parser reads them; the other
 * lines (snapshots, modes, attachments, hook summaries) are the UI's bookkeeping and give no events. A resumed session
 * goes on in the same file: lines older than {@code notBefore} belong to the runs before and are skipped.
 */
final class ClaudeTranscriptParser implements OutputParser {

    private final ClaudeStreamParser parser;
    private final JsonMapper json;
    private final Instant notBefore;

    ClaudeTranscriptParser(ClaudeStreamParser parser, JsonMapper json, Instant notBefore) {
        this.parser = parser;
        this.json = json;
        this.notBefore = notBefore;
    }

    @Override
    public List<ParsedEvent> parse(String line) {
        if (!line.contains("\"type\":\"assistant\"") && !line.contains("\"type\":\"user\"")) return List.of();
        if (notBefore != null && earlier(line)) return List.of();
        return parser.parse(line);
    }

    private boolean earlier(String line) {
        String timestamp = JsonLines.object(json, line).map(n -> n.path("timestamp").asString("")).orElse("");
        try {
            return Instant.parse(timestamp).isBefore(notBefore);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public RunProgress progress() {
        return parser.progress();
    }

    @Override
    public Optional<FinalResult> result() {
        return parser.result();
    }

    @Override
    public Optional<String> lastError() {
        return parser.lastError();
    }
}
