package dev.autodev.agents;

import java.util.Locale;

/** The kinds of run output every agent CLI's parser maps its own format onto. */
public enum EventType {
    /** The session started (model, tools, session id). */
    SYSTEM,
    /** Text the model wrote. */
    ASSISTANT_TEXT,
    /** The model's reasoning, when the CLI shows it. */
    THINKING,
    /** A tool call with its input. */
    TOOL_USE,
    /** What a tool returned. */
    TOOL_RESULT,
    /** An error reported by the CLI or the model provider. */
    ERROR,
    /** The run's final summary: result text, cost, turns, duration. */
    RESULT,
    /** A line the parser did not recognise, kept verbatim. */
    RAW;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
