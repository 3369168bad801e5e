package dev.autodev.interactive;

import dev.autodev.agents.EventType;
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
import java.util.stream.Stream;

/**
 * Reads an interactive run's transcript as it grows. Claude Code writes the conversation to
 * {@code <home>/projects/<folder>/<sessionId>.jsonl}; its {@code assistant} and {@code user} lines have the shape of
 * print mode's stream-json lines, so the batch parser turns them into the same events, turns and tokens. The other
 * lines (snapshots, modes, attachments) are the UI's bookkeeping and are skipped.
 */
final class TranscriptFollower implements AutoCloseable {

    private final Session session;
    private final OutputParser parser;
    private OutputTail tail;
    private String lastText;

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
            if (!line.contains("\"type\":\"assistant\"") && !line.contains("\"type\":\"user\"")) continue;
            for (ParsedEvent event : parser.parse(line)) {
                if (event.type() == EventType.RAW) continue; // not a conversation line after all
                if (event.type() == EventType.ASSISTANT_TEXT && !event.text().isBlank()) lastText = event.text();
                events.add(event);
            }
        }
        return events;
    }

    RunProgress progress() {
        return parser.progress();
    }

    /** The agent's last words, the result of a session that ends well. */
    String lastText() {
        return lastText;
    }

    private Optional<Path> locate() throws IOException {
        if (session.transcript() != null && Files.isRegularFile(session.transcript())) return Optional.of(session.transcript());
        Path root = session.transcriptRoot();
        String sessionId = session.plan.sessionId();
        if (root == null || sessionId == null || !Files.isDirectory(root)) return Optional.empty();
        try (Stream<Path> files = Files.find(root, 2, (p, a) -> p.getFileName().toString().equals(sessionId + ".jsonl"))) {
            return files.findFirst();
        }
    }

    @Override
    public void close() throws IOException {
        if (tail != null) tail.close();
    }
}
