package dev.autodev.testsupport.fakeopenai;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scripted answer of {@link FakeOpenAiApi}: the reply to one {@code POST /v1/responses} of a conversation.
 * Build it with {@link #text}, {@link #shell}, {@link #applyPatch}, {@link #mcpTool} or {@link #error}, then adjust it with
 * {@link #withUsage} or {@link #afterDelay}. Steps are immutable.
 *
 * @param kind        what the answer is
 * @param text        the message text, the error message of an error step, or a custom tool call's input
 * @param name        the function a call step calls ({@code exec_command}, or an MCP tool's own name)
 * @param namespace   the namespace of an MCP tool call ({@code mcp__orchestrator}), null otherwise
 * @param arguments   the call's arguments, or null when {@code argumentsFrom} computes them
 * @param httpStatus  the status of an error step, 200 otherwise
 * @param errorType   the OpenAI error type of an error step, e.g. {@code rate_limit_exceeded}
 * @param inputTokens input tokens reported as usage (cached ones included, as OpenAI counts)
 * @param cachedTokens the cached part of {@code inputTokens}
 * @param outputTokens output tokens reported as usage
 * @param delay       how long the fake waits before it answers
 * @param argumentsFrom computes the arguments from the request being answered (e.g. an earlier tool's output)
 */
public record ResponseStep(
        Kind kind,
        String text,
        String name,
        String namespace,
        Map<String, Object> arguments,
        int httpStatus,
        String errorType,
        long inputTokens,
        long cachedTokens,
        long outputTokens,
        Duration delay,
        Function<ResponsesRequest, Map<String, Object>> argumentsFrom) {

    /** What a step answers with. */
    public enum Kind {
        /** An assistant {@code message} item with {@code output_text}: the turn ends. */
        MESSAGE,
        /** A {@code function_call} item: Codex runs the tool and calls again with its output. */
        FUNCTION_CALL,
        /**
         * A {@code custom_tool_call} item, whose input is free text rather than JSON: Codex's {@code apply_patch} on
         * the models it knows (gpt-5.5 among them) takes the patch this way.
         */
        CUSTOM_TOOL_CALL,
        /**
         * A {@code tool_search_call} item: Codex searches the tools it holds back (MCP tools, for models it knows) and
         * offers the matches in its next call.
         */
        TOOL_SEARCH,
        /** An HTTP error with an OpenAI error body. */
        ERROR
    }

    /** Codex's namespace for the orchestrator's MCP tools. */
    public static final String ORCHESTRATOR = "mcp__orchestrator";

    public ResponseStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        arguments = arguments == null ? null : Map.copyOf(arguments);
    }

    /** An answer that ends the turn with {@code text}. */
    public static ResponseStep text(String text) {
        return new ResponseStep(Kind.MESSAGE, Objects.requireNonNull(text), null, null, null, 200, null,
                1000, 200, 50, Duration.ZERO, null);
    }

    /** A shell command: Codex's {@code exec_command} tool with {@code {"cmd": command}}. */
    public static ResponseStep shell(String command) {
        return call("exec_command", null, Map.of("cmd", command));
    }

    /**
     * Codex's {@code apply_patch} tool with {@code patch} (from {@code *** Begin Patch} to {@code *** End Patch}), as
     * the free-form custom tool it is on the models Codex knows. Models without metadata get no such tool; they run
     * {@code apply_patch} through {@link #shell}.
     */
    public static ResponseStep applyPatch(String patch) {
        return new ResponseStep(Kind.CUSTOM_TOOL_CALL, Objects.requireNonNull(patch), "apply_patch", null, null, 200,
                null, 1000, 200, 50, Duration.ZERO, null);
    }

    /** A call of one of the orchestrator's MCP tools, e.g. {@code mcpTool("write_note", Map.of(...))}. */
    public static ResponseStep mcpTool(String tool, Map<String, Object> arguments) {
        return call(tool, ORCHESTRATOR, arguments);
    }

    /** An MCP tool call whose arguments are computed from the conversation when the step is answered. */
    public static ResponseStep mcpTool(String tool, Function<ResponsesRequest, Map<String, Object>> argumentsFrom) {
        return new ResponseStep(Kind.FUNCTION_CALL, null, tool, ORCHESTRATOR, null, 200, null, 1000, 200, 50,
                Duration.ZERO, Objects.requireNonNull(argumentsFrom));
    }

    /** Codex's {@code tool_search} with this query, the way a model finds deferred MCP tools before calling one. */
    public static ResponseStep toolSearch(String query) {
        return new ResponseStep(Kind.TOOL_SEARCH, null, "tool_search", null, Map.of("query", query, "limit", 8),
                200, null, 1000, 200, 50, Duration.ZERO, null);
    }

    /** A call of any function Codex offers, by name (and namespace, or null). */
    public static ResponseStep call(String name, String namespace, Map<String, Object> arguments) {
        return new ResponseStep(Kind.FUNCTION_CALL, null, Objects.requireNonNull(name), namespace,
                Objects.requireNonNull(arguments), 200, null, 1000, 200, 50, Duration.ZERO, null);
    }

    /** An HTTP error, e.g. {@code error(429, "rate_limit_exceeded", "Rate limit reached")}. */
    public static ResponseStep error(int httpStatus, String errorType, String message) {
        if (httpStatus < 400 || httpStatus > 599) throw new IllegalArgumentException("not an error status: " + httpStatus);
        return new ResponseStep(Kind.ERROR, message, null, null, null, httpStatus, errorType, 0, 0, 0, Duration.ZERO, null);
    }

    /** This step reporting the given usage. */
    public ResponseStep withUsage(long inputTokens, long cachedTokens, long outputTokens) {
        return new ResponseStep(kind, text, name, namespace, arguments, httpStatus, errorType, inputTokens, cachedTokens,
                outputTokens, delay, argumentsFrom);
    }

    /** This step answered only after {@code delay}. */
    public ResponseStep afterDelay(Duration delay) {
        return new ResponseStep(kind, text, name, namespace, arguments, httpStatus, errorType, inputTokens, cachedTokens,
                outputTokens, delay, argumentsFrom);
    }

    /** The arguments for {@code request}: fixed, or computed from it. */
    Map<String, Object> argumentsFor(ResponsesRequest request) {
        return argumentsFrom != null ? argumentsFrom.apply(request) : arguments;
    }
}
