package dev.autodev.agents;

/** Published after a batch of parsed output is stored: events {@code fromSeq..toSeq} of the run are new. */
public record RunOutputAppended(String runId, long fromSeq, long toSeq) {}
