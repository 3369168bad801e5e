package dev.autodev.agents;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of failure ended a run; retries and people decide by it. */
public enum FailureKind {
    /** The provider refused for too many requests or tokens (HTTP 429). */
    RATE_LIMIT,
    /** The provider was overloaded or failed on its side (HTTP 529, 5xx). */
    OVERLOADED,
    /** The credentials were missing or refused (HTTP 401/403, not logged in). */
    AUTH,
    /** The conversation no longer fits the model's context window. */
    CONTEXT_OVERFLOW,
    /** The CLI died or exited without its final summary. */
    CLI_CRASH,
    /** The run passed its time limit, or the orchestrator gave up waiting for it. */
    TIMEOUT,
    /** The run hit its spending cap (dollars, or turns). */
    BUDGET,
    /** The agent finished, but a completion check refused the result. */
    CHECK_FAILED,
    /** A tool the agent relied on failed. */
    TOOL_ERROR,
    /** Someone stopped the run. */
    CANCELLED,
    /** None of the above could be told from the output. */
    UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailureKind fromWire(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
