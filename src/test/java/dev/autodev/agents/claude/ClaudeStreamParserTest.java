package dev.autodev.agents.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.EventType;
import dev.autodev.agents.ParsedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Lines in the shapes Claude Code 2.1.197 prints (captured from the real CLI against the scripted model). */
class ClaudeStreamParserTest {

    private final ClaudeStreamParser parser = new ClaudeStreamParser(JsonMapper.builder().build());

    @Test
    void aToolCallingRunBecomesReadableEventsWithTotals() {
        assertThat(parse("""
                {"type":"system","subtype":"init","cwd":"/w","session_id":"s-1","tools":["Bash"],"mcp_servers":[],"model":"claude-sonnet-4-6"}""")
                .getFirst().type()).isEqualTo(EventType.SYSTEM);
        List<ParsedEvent> toolUse = parse("""
                {"type":"assistant","message":{"id":"m1","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"ls"}}],"usage":{"input_tokens":100,"output_tokens":0}},"session_id":"s-1"}""");
        assertThat(toolUse).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.TOOL_USE);
            assertThat(e.text()).isEqualTo("Bash");
            assertThat(e.data().get("input").get("command").asString()).isEqualTo("ls");
        });
        List<ParsedEvent> result = parse("""
                {"type":"user","message":{"content":[{"tool_use_id":"t1","type":"tool_result","content":"a.txt"}]}}""");
        assertThat(result.getFirst().type()).isEqualTo(EventType.TOOL_RESULT);
        assertThat(result.getFirst().text()).isEqualTo("a.txt");
        assertThat(parser.progress().numTurns()).isEqualTo(1);
        assertThat(parser.progress().inputTokens()).isEqualTo(100);

        parse("""
                {"type":"assistant","message":{"id":"m2","content":[{"type":"text","text":"Done."}],"usage":{"input_tokens":150,"output_tokens":0}},"session_id":"s-1"}""");
        parse("""
                {"type":"result","subtype":"success","is_error":false,"num_turns":2,"result":"Done.","total_cost_usd":0.0012,"duration_ms":900,"usage":{"input_tokens":250,"output_tokens":40,"cache_read_input_tokens":10}}""");

        assertThat(parser.result()).hasValueSatisfying(r -> {
            assertThat(r.isError()).isFalse();
            assertThat(r.text()).isEqualTo("Done.");
        });
        assertThat(parser.progress()).satisfies(p -> {
            assertThat(p.sessionId()).isEqualTo("s-1");
            assertThat(p.numTurns()).isEqualTo(2);
            assertThat(p.inputTokens()).isEqualTo(260);
            assertThat(p.outputTokens()).isEqualTo(40);
            assertThat(p.costUsd()).isEqualTo(0.0012);
        });
    }

    @Test
    void anApiErrorIsAFailureEvenThoughItsSubtypeSaysSuccess() {
        parse("""
                {"type":"assistant","message":{"id":"m1","model":"<synthetic>","content":[{"type":"text","text":"API Error: Request rejected (429) · slow down"}]},"error":"rate_limit","session_id":"s"}""");
        parse("""
                {"type":"result","subtype":"success","is_error":true,"api_error_status":429,"result":"API Error: Request rejected (429) · slow down","num_turns":1,"total_cost_usd":0}""");

        assertThat(parser.result().orElseThrow().isError()).isTrue();
        assertThat(parser.lastError()).hasValue("API Error: Request rejected (429) · slow down");
    }

    @Test
    void aBudgetStopKeepsTheTokensFromModelUsage() {
        parse("""
                {"type":"result","subtype":"error_max_budget_usd","is_error":true,"num_turns":1,"total_cost_usd":3.0003,"usage":{"input_tokens":0,"output_tokens":0},"modelUsage":{"claude-sonnet-4-6":{"inputTokens":1000000,"outputTokens":20,"costUSD":3.0003}},"errors":["Reached maximum budget ($0.5)"]}""");

        assertThat(parser.result().orElseThrow().text()).isEqualTo("Reached maximum budget ($0.5)");
        assertThat(parser.progress().inputTokens()).isEqualTo(1_000_000);
        assertThat(parser.progress().costUsd()).isEqualTo(3.0003);
    }

    @Test
    void somethingThatIsNotJsonIsKeptVerbatim() {
        assertThat(parse("Segmentation fault")).singleElement()
                .satisfies(e -> assertThat(e.type()).isEqualTo(EventType.RAW))
                .satisfies(e -> assertThat(e.text()).isEqualTo("Segmentation fault"));
        assertThat(parse("   ")).isEmpty();
    }

    private List<ParsedEvent> parse(String line) {
        return parser.parse(line.strip());
    }
}
