package dev.autodev.agents;

import tools.jackson.databind.JsonNode;

/** An event as a parser produced it, before it gets its run id, sequence number and time. */
public record ParsedEvent(EventType type, String text, JsonNode data) {}
