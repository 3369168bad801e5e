package dev.autodev.agents;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One readable thing a run did, parsed from its CLI's output.
 *
 * @param type one of {@link EventType}'s names in lowercase
 * @param text the human-readable part (assistant text, tool name, tool output, error message)
 * @param data structured detail (tool input, usage, the final result's figures), or null
 */
public record AgentEvent(String runId, long seq, String type, String text, JsonNode data, Instant createdAt) {}
