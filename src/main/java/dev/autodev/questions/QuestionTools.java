package dev.autodev.questions;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.common.ApiException;
import dev.autodev.mcp.McpTool;
import dev.autodev.mcp.McpToolProvider;
import dev.autodev.mcp.ToolArguments;
import dev.autodev.mcp.ToolError;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** ask_user: an agent asks the person at the dashboard and waits for the answer. */
@Component
class QuestionTools implements McpToolProvider {

    private static final String DESCRIPTION = """
            Ask the user (the person supervising this orchestrator) a question and wait for the answer. Use it \
            only when you cannot reasonably decide on your own, e.g. an ambiguous requirement or a risky, \
            irreversible step; ask one clear, self-contained question and say what you would do by default. The \
            call blocks until the user answers (default timeout 30 minutes, timeout_ms to change it). The result \
            is {"answered":true,"answer":"..."} or, when nobody answered in time, {"answered":false,"reason":"..."}: \
            then go on with your best judgement.""";
    private static final String SCHEMA = """
            {"type":"object","properties":{
              "question":{"type":"string","description":"The question, with the context the user needs to answer it"},
              "timeout_ms":{"type":"integer","minimum":1,"maximum":86400000,
                            "description":"How long to wait; default 1800000 (30 minutes)"}},
             "required":["question"],"additionalProperties":false}""";

    private final QuestionService questions;

    QuestionTools(QuestionService questions) {
        this.questions = questions;
    }

    @Override
    public List<McpTool> tools() {
        return List.of(new McpTool("ask_user", DESCRIPTION, SCHEMA, this::ask));
    }

    private Object ask(AgentIdentity caller, JsonNode args) throws InterruptedException {
        String question = ToolArguments.requiredString(args, "question");
        Long timeoutMs = ToolArguments.optionalLong(args, "timeout_ms");
        try {
            return questions.ask(caller, question, timeoutMs == null ? null : Duration.ofMillis(timeoutMs));
        } catch (ApiException e) {
            String field = e instanceof ApiException.BadRequest bad ? bad.field() + ": " : "";
            throw new ToolError(field + e.getMessage());
        }
    }
}
