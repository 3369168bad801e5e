package dev.autodev.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.EventType;
import dev.autodev.agents.FinalResult;
import dev.autodev.agents.InteractiveTranscript;
import dev.autodev.agents.LaunchPlan;
import dev.autodev.agents.OutputParser;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.RunProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFollowerTest {

    @TempDir
    Path dir;

    /** Codex writes a turn's token_count line just after its answer: a read may find that line alone. */
    @Test
    void totalsFromAUsageLineReadOnItsOwnAreOfferedThoughTheLineGivesNoEvent() throws Exception {
        Path file = dir.resolve("t.jsonl");
        Files.writeString(file, "");
        Session session = new Session(new LaunchPlan("run-t", "job-t", "codex", dir, "hi", null, null, null, "s", null,
                "token"));
        session.transcriptSource(InteractiveTranscript.named(dir, 1, "t.jsonl"));

        try (TranscriptFollower follower = new TranscriptFollower(session, new UsageLines())) {
            append(file, "say first answer\nusage 1000\n");
            assertThat(follower.poll()).extracting(ParsedEvent::text).containsExactly("first answer");
            assertThat(follower.changedProgress()).map(RunProgress::inputTokens).contains(1000L);

            append(file, "say second answer\n");
            assertThat(follower.poll()).hasSize(1);
            assertThat(follower.changedProgress()).as("nothing moved the totals").isEmpty();

            append(file, "usage 2000\n");
            assertThat(follower.poll()).isEmpty();
            assertThat(follower.changedProgress()).map(RunProgress::inputTokens).contains(2000L);
            assertThat(follower.changedProgress()).as("offered once").isEmpty();
        }
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    /** "say X" is an answer; "usage N" sets the input tokens and is no event, as Codex's token_count lines. */
    private static final class UsageLines implements OutputParser {
        private long input;

        @Override
        public List<ParsedEvent> parse(String line) {
            if (line.startsWith("usage ")) {
                input = Long.parseLong(line.substring(6));
                return List.of();
            }
            return List.of(new ParsedEvent(EventType.ASSISTANT_TEXT, line.substring(4), null));
        }

        @Override
        public RunProgress progress() {
            return new RunProgress("s", 1, input, 0, 0, true, null);
        }

        @Override
        public Optional<FinalResult> result() {
            return Optional.empty();
        }

        @Override
        public Optional<String> lastError() {
            return Optional.empty();
        }
    }
}
