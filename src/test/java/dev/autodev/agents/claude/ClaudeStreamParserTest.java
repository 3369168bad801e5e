package dev.autodev.agents.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.EventType;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.ProviderRetry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Lines in the shapes Claude Code 2.1.197 prints (captured from the real CLI against the scripted model). */
class ClaudeStreamParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ClaudeStreamParser parser = new ClaudeStreamParser(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC));

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
    void untilClaudeReportsItsCostItIsEstimatedPerMessageFromThePriceTableWithCacheTokensApart() {
        ClaudeStreamParser priced = new ClaudeStreamParser(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC),
                new dev.autodev.usage.PriceTable(new dev.autodev.usage.UsageProperties(null, null)), "claude-sonnet-4-6");
        // Two lines of one message (Claude writes one a content block) count once; the second message is Haiku's.
        String first = """
                {"type":"assistant","message":{"id":"m1","model":"claude-sonnet-4-6","content":[{"type":"text","text":"%s"}],"usage":{"input_tokens":1000,"cache_creation_input_tokens":2000,"cache_read_input_tokens":10000,"output_tokens":500}}}""";
        priced.parse(first.formatted("a"));
        priced.parse(first.formatted("b"));
        priced.parse("""
                {"type":"assistant","message":{"id":"m2","model":"claude-haiku-4-5","content":[{"type":"text","text":"c"}],"usage":{"input_tokens":100,"output_tokens":10}}}""");

        double sonnet = (1000 * 3 + 2000 * 3.75 + 10000 * 0.30 + 500 * 15) / 1e6;
        double haiku = (100 * 1 + 10 * 5) / 1e6;
        assertThat(priced.progress()).satisfies(p -> {
            assertThat(p.inputTokens()).isEqualTo(13_100);
            assertThat(p.outputTokens()).isEqualTo(510);
            assertThat(p.costUsd()).isCloseTo(sonnet + haiku, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(p.costEstimated()).isTrue();
        });

        priced.parse("""
                {"type":"result","subtype":"success","is_error":false,"num_turns":2,"result":"c","total_cost_usd":0.5}""");
        assertThat(priced.progress().costUsd()).as("Claude's own figure wins").isEqualTo(0.5);
        assertThat(priced.progress().costEstimated()).isFalse();
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
    void anApiRetryIsTheRunsRetryingFactUntilTheModelAnswers() {
        // Captured from the pinned CLI with its default retries against the scripted model answering 429.
        List<ParsedEvent> events = parse("""
                {"type":"system","subtype":"api_retry","attempt":3,"max_retries":10,"retry_delay_ms":2381.152735156463,"error_status":429,"error":"rate_limit","session_id":"be6e992b-17e0-41c7-9b66-bcbd7a5d8860","uuid":"f72d0b20-7da0-49e3-bb83-3e2c50c1c21f"}""");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).as("not an error: the call may still succeed").isEqualTo(EventType.SYSTEM);
            assertThat(e.text()).isEqualTo("provider answered HTTP 429 rate_limit; retry 3 of 10 in 2381 ms");
        });
        assertThat(parser.progress().retrying()).isEqualTo(new ProviderRetry(429, "rate_limit", 3, 10, 2381L, NOW));
        assertThat(parser.progress().retrying().credentialsRefused()).isFalse();
        assertThat(parser.progress().sessionId()).isEqualTo("be6e992b-17e0-41c7-9b66-bcbd7a5d8860");
        assertThat(parser.lastError()).as("a retry is not the run's error").isEmpty();

        parse("""
                {"type":"assistant","message":{"id":"m1","content":[{"type":"text","text":"Back."}],"usage":{"input_tokens":100,"output_tokens":5}},"session_id":"be6e992b-17e0-41c7-9b66-bcbd7a5d8860"}""");

        assertThat(parser.progress().retrying()).isNull();
    }

    @Test
    void aRefusedApiKeyIsARetryThatRefusedTheCredentials() {
        parse("""
                {"type":"system","subtype":"api_retry","attempt":1,"max_retries":10,"retry_delay_ms":573.3238867309676,"error_status":401,"error":"authentication_failed","session_id":"e368409d-b5b5-4e8b-b89a-cc2bc8f6878d","uuid":"84a2ccea-3999-4141-87cc-9918f91ae0e3"}""");

        ProviderRetry retry = parser.progress().retrying();
        assertThat(retry).isEqualTo(new ProviderRetry(401, "authentication_failed", 1, 10, 573L, NOW));
        assertThat(retry.credentialsRefused()).isTrue();
        assertThat(retry.describe()).isEqualTo("HTTP 401 authentication_failed");
    }

    @Test
    void retriesThatRunOutEndInAnErrorResultAndClearTheRetry() {
        // Captured with CLAUDE_CODE_MAX_RETRIES=2: two retries, then Claude's synthetic answer and an error result.
        parse("""
                {"type":"system","subtype":"api_retry","attempt":2,"max_retries":2,"retry_delay_ms":1048.2994465844783,"error_status":429,"error":"rate_limit","session_id":"00183ad7-40a0-4407-9792-7e4d0e6ba6ec","uuid":"450f6602-b981-4870-9c51-824acda49e6f"}""");
        parse("""
                {"type":"assistant","message":{"id":"5dfd9d3e-e98b-4a0c-b0a3-43d2f7fb64c0","container":null,"model":"<synthetic>","role":"assistant","stop_details":null,"stop_reason":"stop_sequence","stop_sequence":"","type":"message","usage":{"input_tokens":0,"output_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"server_tool_use":{"web_search_requests":0,"web_fetch_requests":0},"service_tier":null,"cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":0},"inference_geo":null,"iterations":null,"speed":null},"content":[{"type":"text","text":"API Error: Request rejected (429) · capture 429 rate_limit_error"}],"context_management":null},"parent_tool_use_id":null,"session_id":"00183ad7-40a0-4407-9792-7e4d0e6ba6ec","uuid":"1835e14b-3e32-44a0-a716-53ae95a44290","error":"rate_limit","request_id":"req_c934cca11aeae1d534cca56b"}""");
        parse("""
                {"type":"result","subtype":"success","is_error":true,"api_error_status":429,"duration_ms":1912,"duration_api_ms":0,"num_turns":1,"result":"API Error: Request rejected (429) · capture 429 rate_limit_error","stop_reason":"stop_sequence","session_id":"00183ad7-40a0-4407-9792-7e4d0e6ba6ec","total_cost_usd":0,"usage":{"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0},"modelUsage":{},"permission_denials":[],"terminal_reason":"completed","fast_mode_state":"off","uuid":"fb1b421e-5ace-41fd-8626-f6dc9011a34b"}""");

        assertThat(parser.progress().retrying()).isNull();
        assertThat(parser.result().orElseThrow().isError()).isTrue();
        assertThat(parser.lastError()).hasValue("API Error: Request rejected (429) · capture 429 rate_limit_error");
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
