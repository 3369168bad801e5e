package dev.autodev.interactive;

import dev.autodev.agents.EventType;
import dev.autodev.agents.InteractiveTranscript;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.OutputTail;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.RunProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an interactive run's transcript as it grows: the file the CLI's terminal UI writes the conversation to (Claude
 * Code's session file, Codex's rollout file), found as the CLI says ({@code InteractiveTranscript}) and read by the
 * CLI's transcript parser into the same events, turns, tokens and cost as a batch run's output.
 */
final class TranscriptFollower implements AutoCloseable {

    private final Session session;
    private final OutputParser parser;
    private OutputTail tail;
    private String lastText;
    private RunProgress taken;

    TranscriptFollower(Session session, OutputParser parser) {
        this.session = session;
        this.parser = parser;
    }

    /** The events in what was appended since the last call; empty while there is no transcript yet. */
    List<ParsedEvent> poll() throws IOException {
        if (tail == null) {
            Optional<Path> file = locate();
            if (file.isEmpty()) return List.of();
            tail = new OutputTail(file.get());
        }
        List<ParsedEvent> events = new ArrayList<>();
        for (String line : tail.readLines()) {
            for (ParsedEvent event : parser.parse(line)) {
                if (event.type() == EventType.RAW) continue; // not a conversation line
                if (event.type() == EventType.ASSISTANT_TEXT && !event.text().isBlank()) lastText = event.text();
                events.add(event);
            }
        }
        return events;
    }

    RunProgress progress() {
        return parser.progress();
    }

    /**
     * The totals, when they moved since this was last asked. A usage line gives no event of its own and may be read on
     * its own, after its turn's last event (Codex writes {@code token_count} just after the answer), so the totals
     * are not only worth recording when there are events.
     */
    Optional<RunProgress> changedProgress() {
        RunProgress now = parser.progress();
        if (now.equals(taken)) return Optional.empty();
        taken = now;
        return Optional.of(now);
    }

    /** The agent's last words, the result of a session that ends well. */
    String lastText() {
        return lastText;
    }

    private Optional<Path> locate() throws IOException {
        if (session.transcript() != null && Files.isRegularFile(session.transcript())) return Optional.of(session.transcript());
        InteractiveTranscript source = session.transcriptSource();
        return source == null ? Optional.empty() : source.finder().find();
    }

    @Override
    public void close() throws IOException {
        if (tail != null) tail.close();
    }
}
