package dev.autodev.usage;

/**
 * A model people can pick for a job.
 *
 * @param id       what a job's {@code model} field takes, e.g. {@code claude-sonnet-4-6} or {@code codex-gpt-5.5}
 * @param provider who serves it: {@code anthropic} (run by Claude Code) or {@code openai} (run by Codex)
 * @param agent    the CLI that runs it: {@code claude} or {@code codex}
 */
public record KnownModel(String id, String provider, String agent) {}
