package dev.autodev.testsupport.fakemodel;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One scripted answer of {@link FakeAnthropicApi}: the reply to one model call of a conversation.
 *
 * <p>Build it with {@link #text}, {@link #toolUse} or {@link #error}, then adjust it with
 * {@link #withUsage}, {@link #afterDelay} and {@link #afterFailing}. Steps are immutable.
 *
 * @param kind what the answer is
 * @param text the answer text of a {@link Kind#TEXT} step, or the error message of an {@link Kind#ERROR} step
 * @param toolName the tool a {@link Kind#TOOL_USE} step calls
 * @param toolInput the input a {@link Kind#TOOL_USE} step passes to its tool (empty otherwise)
 * @param httpStatus the HTTP status of an {@link Kind#ERROR} step, 200 otherwise
 * @param errorType the Anthropic error type of an {@link Kind#ERROR} step, e.g. {@code rate_limit_error}
 * @param inputTokens the input tokens reported as usage
 * @param outputTokens the output tokens reported as usage
 * @param delay how long the fake waits before it answers
 * @param inputFrom when set, computes the tool input from the request being answered (e.g. from an earlier
 *     tool's result), instead of the fixed {@code toolInput}
 * @param failFirst how many calls that reach this step get {@code failure} instead, before it answers itself
 * @param failure what those first calls get (e.g. a 429 the CLI retries), or null
 */
public record Step(
        Kind kind,
        String text,
        String toolName,
        Map<String, Object> toolInput,
        int httpStatus,
        String errorType,
        long inputTokens,
        long outputTokens,
        Duration delay,
        Function<RecordedRequest, Map<String, Object>> inputFrom,
        int failFirst,
        Step failure) {

    /** What a step answers with. */
    public enum Kind {
        /** A text block, stop reason {@code end_turn}. */
        TEXT,
        /** One {@code tool_use} block, stop reason {@code tool_use}. */
        TOOL_USE,
        /** An HTTP error with an Anthropic error body. */
        ERROR
    }

    static final long DEFAULT_INPUT_TOKENS = 100;
    static final long DEFAULT_OUTPUT_TOKENS = 20;

    public Step {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (failFirst < 0 || failFirst > 0 && failure == null) {
            throw new IllegalArgumentException("failFirst must be 0, or positive with a failure: " + failFirst);
        }
        // LinkedHashMap keeps the caller's key order (and allows null values, unlike Map.copyOf).
        toolInput = toolInput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(toolInput));
    }

    /** An answer that ends the turn with {@code text}. */
    public static Step text(String text) {
        Objects.requireNonNull(text, "text");
        return new Step(Kind.TEXT, text, null, Map.of(), 200, null,
                DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, Duration.ZERO, null, 0, null);
    }

    /** An answer that asks the CLI to run {@code toolName} with {@code input} (a fresh tool-use id each time). */
    public static Step toolUse(String toolName, Map<String, Object> input) {
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(input, "input");
        return new Step(Kind.TOOL_USE, null, toolName, input, 200, null,
                DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, Duration.ZERO, null, 0, null);
    }

    /**
     * A tool call whose input is computed when the step is answered, from the conversation so far; e.g. wait for
     * the job id an earlier {@code create_job} returned: {@code r -> Map.of("job_ids", List.of(idIn(r.lastToolResultText())))}.
     */
    public static Step toolUse(String toolName, Function<RecordedRequest, Map<String, Object>> inputFrom) {
        Objects.requireNonNull(inputFrom, "inputFrom");
        return new Step(Kind.TOOL_USE, null, toolName, Map.of(), 200, null,
                DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, Duration.ZERO, inputFrom, 0, null);
    }

    /** This step with its computed input filled in for {@code request}; a fixed step stays as it is. */
    Step resolvedFor(RecordedRequest request) {
        if (inputFrom == null) return this;
        return new Step(kind, text, toolName, inputFrom.apply(request), httpStatus, errorType, inputTokens, outputTokens,
                delay, null, failFirst, failure);
    }

    /**
     * An HTTP error, e.g. {@code error(429, "rate_limit_error", "slow down")}; other useful types are
     * {@code api_error} (500), {@code overloaded_error} (529) and {@code authentication_error} (401).
     */
    public static Step error(int httpStatus, String errorType, String message) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("an error step needs a 4xx or 5xx status: " + httpStatus);
        }
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
        return new Step(Kind.ERROR, message, null, Map.of(), httpStatus, errorType, 0, 0, Duration.ZERO, null, 0, null);
    }

    /** This step reporting the given token usage (drives the CLI's cost and budget accounting). */
    public Step withUsage(long inputTokens, long outputTokens) {
        return new Step(kind, text, toolName, toolInput, httpStatus, errorType, inputTokens, outputTokens, delay, inputFrom, failFirst, failure);
    }

    /** This step answered only after {@code delay}, which keeps a run alive for cancel and time-limit tests. */
    public Step afterDelay(Duration delay) {
        return new Step(kind, text, toolName, toolInput, httpStatus, errorType, inputTokens, outputTokens, delay, inputFrom, failFirst, failure);
    }

    /**
     * This step, but the first {@code times} calls that reach it are answered with {@code failure}: the way to make a
     * CLI retry, e.g. {@code Step.text("ok").afterFailing(2, Step.error(429, "rate_limit_error", "slow down"))}.
     * Retries repeat the same conversation, so they reach the same step; calls are counted over every conversation
     * of the script's marker.
     */
    public Step afterFailing(int times, Step failure) {
        Objects.requireNonNull(failure, "failure");
        if (times < 1) throw new IllegalArgumentException("times must be positive: " + times);
        return new Step(kind, text, toolName, toolInput, httpStatus, errorType, inputTokens, outputTokens, delay, inputFrom,
                times, failure);
    }
}
