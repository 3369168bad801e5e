package dev.autodev.usage;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * @param input       uncached input tokens
 * @param cachedInput input tokens served from the provider's prompt cache
 * @param output      output tokens, reasoning included
 */
public record ModelPrice(double input, double cachedInput, double output) {

    public ModelPrice {
        if (input < 0 || cachedInput < 0 || output < 0) throw new IllegalArgumentException("prices must not be negative");
    }

    /** The cost of a usage; {@code inputTokens} includes the cached ones, as OpenAI and Codex count them. */
    public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
        long cached = Math.min(cachedInputTokens, inputTokens);
        return ((inputTokens - cached) * input + cached * cachedInput + outputTokens * output) / 1_000_000.0;
    }
}
