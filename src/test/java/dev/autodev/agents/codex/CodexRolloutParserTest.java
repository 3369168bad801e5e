package dev.autodev.agents.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autodev.agents.EventType;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.usage.PriceTable;
import dev.autodev.usage.UsageProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Lines in the shapes Codex 0.169.0's terminal UI writes to its rollout file (captured against the scripted model). */
class CodexRolloutParserTest {

    private final PriceTable prices = new PriceTable(new UsageProperties(null, null));

    private static final List<String> TURN = List.of(
            """
            {"timestamp":"2026-12-02T07:26:53.460Z","type":"session_meta","payload":{"id":"01a235a6-2ffd","cwd":"/w","originator":"codex_cli_rs","base_instructions":{"text":"..."}}}""",
            """
            {"timestamp":"2026-12-02T07:26:53.470Z","type":"response_item","payload":{"type":"message","role":"developer","content":[{"type":"input_text","text":"You are agent run-1"}]}}""",
            """
            {"timestamp":"2026-12-02T07:26:53.480Z","type":"turn_context","payload":{"model":"gpt-5.5"}}""",
            """
            {"timestamp":"2026-12-02T07:26:53.490Z","type":"response_item","payload":{"type":"message","role":"user","content":[{"type":"input_text","text":"Codex, talk"}]}}""",
            """
            {"timestamp":"2026-12-02T07:26:54.100Z","type":"response_item","payload":{"type":"function_call","name":"exec_command","arguments":"{\\"cmd\\":\\"git log --oneline\\"}","call_id":"call_1"}}""",
            """
            {"timestamp":"2026-12-02T07:26:54.200Z","type":"response_item","payload":{"type":"function_call_output","call_id":"call_1","output":"a62d61a initial commit\\n"}}""",
            """
            {"timestamp":"2026-12-02T07:26:54.300Z","type":"response_item","payload":{"type":"message","role":"assistant","content":[{"type":"output_text","text":"Codex in a terminal THETA-1","annotations":[]}]}}""",
            """
            {"timestamp":"2026-12-02T07:26:54.310Z","type":"event_msg","payload":{"type":"token_count","info":{"total_token_usage":{"input_tokens":2000,"cached_input_tokens":400,"output_tokens":100,"total_tokens":2100},"last_token_usage":{"input_tokens":1000}}}}""",
            """
            {"timestamp":"2026-12-02T07:26:54.320Z","type":"event_msg","payload":{"type":"task_complete","last_agent_message":"Codex in a terminal THETA-1"}}""");

    @Test
    void aTurnBecomesTheSameEventsAndTotalsAsExecModeGives() {
        CodexRolloutParser parser = new CodexRolloutParser(JsonMapper.builder().build(), prices, "gpt-5.5",
                CodexThreadTotals.Totals.NONE, null);
        List<ParsedEvent> events = new ArrayList<>();
        TURN.forEach(line -> events.addAll(parser.parse(line)));

        assertThat(events).extracting(ParsedEvent::type).containsExactly(EventType.SYSTEM, EventType.TOOL_USE,
                EventType.TOOL_RESULT, EventType.ASSISTANT_TEXT);
        assertThat(events.get(1).text()).isEqualTo("shell");
        assertThat(events.get(1).data().get("input").get("command").asString()).isEqualTo("git log --oneline");
        assertThat(events.get(2).text()).contains("initial commit");
        assertThat(events.get(3).text()).isEqualTo("Codex in a terminal THETA-1");
        assertThat(parser.progress()).satisfies(p -> {
            assertThat(p.sessionId()).isEqualTo("01a235a6-2ffd");
            assertThat(p.numTurns()).isEqualTo(2);
            assertThat(p.inputTokens()).isEqualTo(2000);
            assertThat(p.outputTokens()).isEqualTo(100);
            assertThat(p.costUsd()).isCloseTo((1600 * 1.25 + 400 * 0.125 + 100 * 10) / 1e6, within(1e-12));
            assertThat(p.costEstimated()).isTrue();
        });
        assertThat(parser.parse("not json")).isEmpty();
    }

    @Test
    void aResumedThreadCountsOnlyWhatItWritesFromNowOn() {
        var before = new CodexThreadTotals.Totals(1000, 50, prices.cost("gpt-5.5", 1000, 200, 50));
        CodexRolloutParser parser = new CodexRolloutParser(JsonMapper.builder().build(), prices, "gpt-5.5", before,
                Instant.parse("2026-12-02T07:26:54.250Z"));
        List<ParsedEvent> events = new ArrayList<>();
        TURN.forEach(line -> events.addAll(parser.parse(line)));

        assertThat(events).extracting(ParsedEvent::type).containsExactly(EventType.SYSTEM, EventType.ASSISTANT_TEXT);
        assertThat(parser.progress().numTurns()).isEqualTo(1);
        assertThat(parser.progress().inputTokens()).isEqualTo(1000);
        assertThat(parser.progress().outputTokens()).isEqualTo(50);
    }
}
