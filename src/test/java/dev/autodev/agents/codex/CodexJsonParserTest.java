package dev.autodev.agents.codex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.autodev.agents.EventType;
import dev.autodev.agents.ParsedEvent;
import dev.autodev.agents.ProviderRetry;
import dev.autodev.usage.PriceTable;
import dev.autodev.usage.UsageProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Codex's --json lines, as the pinned CLI 0.169.0 printed them against the fake. */
class CodexJsonParserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final PriceTable prices = new PriceTable(new UsageProperties(null, null));

    private CodexJsonParser parser(CodexThreadTotals.Totals before) {
        return new CodexJsonParser(JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC), prices, "gpt-5.5", before);
    }

    @Test
    void aSuccessfulTurnReportsTheThreadAsSessionTheLastMessageAndAnEstimatedCost() {
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        parser.parse("{\"type\":\"thread.started\",\"thread_id\":\"t-1\"}");
        List<ParsedEvent> started = parser.parse("{\"type\":\"item.started\",\"item\":{\"id\":\"item_0\",\"type\":\"command_execution\",\"command\":\"ls\",\"aggregated_output\":\"\",\"exit_code\":null,\"status\":\"in_progress\"}}");
        List<ParsedEvent> done = parser.parse("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"command_execution\",\"command\":\"ls\",\"aggregated_output\":\"a.txt\\n\",\"exit_code\":0,\"status\":\"completed\"}}");
        parser.parse("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_1\",\"type\":\"agent_message\",\"text\":\"All done.\"}}");
        List<ParsedEvent> result = parser.parse("{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":2000000,\"cached_input_tokens\":1000000,\"output_tokens\":100000}}");

        assertThat(started).extracting(ParsedEvent::type, ParsedEvent::text).containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.TOOL_USE, "shell"));
        assertThat(done).extracting(ParsedEvent::type).containsExactly(EventType.TOOL_RESULT);
        assertThat(result.getFirst().type()).isEqualTo(EventType.RESULT);
        assertThat(parser.result().orElseThrow().text()).isEqualTo("All done.");
        assertThat(parser.result().orElseThrow().isError()).isFalse();
        assertThat(parser.progress().sessionId()).isEqualTo("t-1");
        assertThat(parser.progress().numTurns()).isEqualTo(2);
        assertThat(parser.progress().costEstimated()).isTrue();
        // 1M uncached at $1.25, 1M cached at $0.125, 100k output at $10 per million.
        assertThat(parser.progress().costUsd()).isCloseTo(1.25 + 0.125 + 1.0, within(1e-9));
    }

    @Test
    void aResumedThreadCountsOnlyWhatTheEarlierRunsHadNotRecorded() {
        CodexJsonParser parser = parser(new CodexThreadTotals.Totals(1000, 10, 0.5));
        parser.parse("{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":3000,\"cached_input_tokens\":0,\"output_tokens\":30}}");

        assertThat(parser.progress().inputTokens()).isEqualTo(2000);
        assertThat(parser.progress().outputTokens()).isEqualTo(20);
    }

    @Test
    void aFailedTurnIsAnErrorNamingTheStatus() {
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        parser.parse("{\"type\":\"error\",\"message\":\"exceeded retry limit, last status: 429 Too Many Requests\"}");
        parser.parse("{\"type\":\"turn.failed\",\"error\":{\"message\":\"exceeded retry limit, last status: 429 Too Many Requests\"}}");

        assertThat(parser.result().orElseThrow().isError()).isTrue();
        assertThat(parser.lastError().orElseThrow())
                .isEqualTo("rate limited by the model provider (HTTP 429): exceeded retry limit, last status: 429 Too Many Requests");
    }

    @Test
    void theHookTrustNoticeEveryRunPrintsIsOneSystemLineNotAnError() {
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        String notice = "{\"type\":\"item.completed\",\"item\":{\"id\":\"item_%d\",\"type\":\"error\",\"message\":"
                + "\"`--dangerously-bypass-hook-trust` is enabled. Enabled hooks may run without review for this invocation.\"}}";
        List<ParsedEvent> first = parser.parse(notice.formatted(0));
        List<ParsedEvent> second = parser.parse(notice.formatted(1));
        List<ParsedEvent> warning = parser.parse("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_2\",\"type\":\"error\","
                + "\"message\":\"Model metadata for `gpt-5.4` not found.\"}}");

        assertThat(first).extracting(ParsedEvent::type).containsExactly(EventType.SYSTEM);
        assertThat(second).isEmpty();
        assertThat(warning).extracting(ParsedEvent::type).containsExactly(EventType.ERROR);
    }

    @Test
    void aReconnectAfterA401IsARetryThatRefusedTheCredentials() {
        // Captured from the pinned CLI (provider with stream_max_retries=3) against the fake answering 401.
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        parser.parse("{\"type\":\"thread.started\",\"thread_id\":\"01a23504-0bc7-7b72-ab61-6ce8b282fc83\"}");
        parser.parse("{\"type\":\"turn.started\"}");
        List<ParsedEvent> events = parser.parse("{\"type\":\"error\",\"message\":\"Reconnecting... 1/3 (unexpected status 401 Unauthorized: capture 401 invalid_api_key, url: http://127.0.0.1:45451/v1/responses)\"}");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).as("not an error: the stream may recover").isEqualTo(EventType.SYSTEM);
            assertThat(e.text()).isEqualTo("provider answered HTTP 401 Unauthorized: capture 401 invalid_api_key; retry 1 of 3");
        });
        ProviderRetry retry = parser.progress().retrying();
        assertThat(retry).isEqualTo(new ProviderRetry(401, "Unauthorized: capture 401 invalid_api_key", 1, 3, null, NOW));
        assertThat(retry.credentialsRefused()).isTrue();
        assertThat(parser.lastError()).isEmpty();

        parser.parse("{\"type\":\"error\",\"message\":\"Reconnecting... 2/5 (unexpected status 403 Forbidden: capture 403 permission_denied, url: http://127.0.0.1:42405/v1/responses)\"}");
        assertThat(parser.progress().retrying()).isEqualTo(new ProviderRetry(403, "Forbidden: capture 403 permission_denied", 2, 5, null, NOW));
        assertThat(parser.progress().retrying().credentialsRefused()).isTrue();
    }

    @Test
    void aReconnectAfterAServerErrorHasNoStatusAndClearsWhenTheTurnFails() {
        // Codex puts its own sentence in place of a 5xx; the retries ran out, so the final error and a failed turn follow.
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        parser.parse("{\"type\":\"error\",\"message\":\"Reconnecting... 5/5 (We’re currently experiencing high demand, which may cause temporary errors.)\"}");

        assertThat(parser.progress().retrying()).isEqualTo(new ProviderRetry(null,
                "We’re currently experiencing high demand, which may cause temporary errors.", 5, 5, null, NOW));
        assertThat(parser.progress().retrying().credentialsRefused()).isFalse();

        parser.parse("{\"type\":\"error\",\"message\":\"We’re currently experiencing high demand, which may cause temporary errors.\"}");
        assertThat(parser.progress().retrying()).isNull();
        parser.parse("{\"type\":\"turn.failed\",\"error\":{\"message\":\"We’re currently experiencing high demand, which may cause temporary errors.\"}}");
        assertThat(parser.lastError()).hasValue("We’re currently experiencing high demand, which may cause temporary errors.");
    }

    @Test
    void theModelsNextOutputClearsTheRetry() {
        CodexJsonParser parser = parser(CodexThreadTotals.Totals.NONE);
        parser.parse("{\"type\":\"error\",\"message\":\"Reconnecting... 1/5 (We’re currently experiencing high demand, which may cause temporary errors.)\"}");
        assertThat(parser.progress().retrying().attempt()).isEqualTo(1);

        parser.parse("{\"type\":\"item.completed\",\"item\":{\"id\":\"item_0\",\"type\":\"agent_message\",\"text\":\"fine\"}}");

        assertThat(parser.progress().retrying()).isNull();
    }

    @Test
    void aProviderErrorBodyBecomesItsMessage() {
        assertThat(CodexErrors.readable("{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"bad input\"}}"))
                .isEqualTo("bad input (invalid_request_error)");
    }

    @Test
    void pricesMatchTheLongestPrefix() {
        assertThat(prices.forModel("gpt-5-mini-2025").orElseThrow().input()).isEqualTo(0.25);
        assertThat(prices.forModel("gpt-5.5").orElseThrow().input()).isEqualTo(1.25);
        assertThat(prices.forModel("llama")).isEmpty();
    }
}
