package dev.autodev.agents.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.EventType;
import dev.autodev.agents.ParsedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Lines in the shapes Claude Code 2.1.197's terminal UI writes to its session transcript. */
class ClaudeTranscriptParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> TRANSCRIPT = List.of(
            """
            {"type":"permission-mode","permissionMode":"bypassPermissions","sessionId":"s-1"}""",
            """
            {"type":"user","message":{"role":"user","content":"Wait for me"},"timestamp":"2026-12-02T07:26:59.100Z","sessionId":"s-1"}""",
            """
            {"type":"assistant","message":{"id":"m1","model":"claude-sonnet-4-6","content":[{"type":"text","text":"Ready GAMMA-1"}],"usage":{"input_tokens":100,"output_tokens":20}},"timestamp":"2026-12-02T07:26:59.832Z","sessionId":"s-1"}""",
            """
            {"type":"system","subtype":"stop_hook_summary","hookCount":1,"timestamp":"2026-12-02T07:26:59.900Z","sessionId":"s-1"}""",
            """
            {"type":"assistant","message":{"id":"m2","model":"claude-sonnet-4-6","content":[{"type":"text","text":"Continued GAMMA-2"}],"usage":{"input_tokens":100,"output_tokens":20}},"timestamp":"2026-12-02T07:30:00.250Z","sessionId":"s-1"}""");

    @Test
    void onlyTheConversationGivesEvents() {
        ClaudeTranscriptParser parser = parser(null);
        List<ParsedEvent> events = parseAll(parser);

        assertThat(events).extracting(ParsedEvent::type).containsExactly(EventType.ASSISTANT_TEXT, EventType.ASSISTANT_TEXT);
        assertThat(parser.progress().numTurns()).isEqualTo(2);
        assertThat(parser.progress().costEstimated()).isTrue();
    }

    @Test
    void aResumedSessionCountsOnlyWhatItWritesFromNowOn() {
        ClaudeTranscriptParser parser = parser(Instant.parse("2026-12-02T07:29:00Z"));
        List<ParsedEvent> events = parseAll(parser);

        assertThat(events).singleElement().satisfies(e -> assertThat(e.text()).isEqualTo("Continued GAMMA-2"));
        assertThat(parser.progress().numTurns()).isEqualTo(1);
        assertThat(parser.progress().inputTokens()).isEqualTo(100);
    }

    private static ClaudeTranscriptParser parser(Instant notBefore) {
        var prices = new dev.autodev.usage.PriceTable(new dev.autodev.usage.UsageProperties(null, null));
        return new ClaudeTranscriptParser(new ClaudeStreamParser(JSON, Clock.systemUTC(), prices, "claude-sonnet-4-6"), JSON, notBefore);
    }

    private static List<ParsedEvent> parseAll(ClaudeTranscriptParser parser) {
        List<ParsedEvent> events = new ArrayList<>();
        TRANSCRIPT.forEach(line -> events.addAll(parser.parse(line)));
        return events;
    }
}
