package dev.autodev.kb;

/** Published after a knowledge-base entry is added, changed, approved, merged or deleted. */
public record KbChanged(String entryId) {}
