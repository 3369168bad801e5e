package dev.autodev.usage;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * What a model costs, in US dollars per million tokens.
 *
 * @param input       uncached input tokens
 * @param cachedInput input tokens served from the provider's prompt cache (Anthropic: cache reads)
 * @param output      output tokens, reasoning included
 * @param cacheWrite  input tokens written to the prompt cache (Anthropic charges extra for them); when not given, the
 *                    same as {@code input} (OpenAI writes its cache at no extra cost)
 */
public record ModelPrice(double input, double cachedInput, double output, Double cacheWrite) {

    @ConstructorBinding // settings bind all four; the three-price constructor is for code
    public ModelPrice {
        if (cacheWrite == null) cacheWrite = input;
        if (input < 0 || cachedInput < 0 || output < 0 || cacheWrite < 0) {
            throw new IllegalArgumentException("prices must not be negative");
        }
    }

    /** A price without a cache-write surcharge. */
    public ModelPrice(double input, double cachedInput, double output) {
        this(input, cachedInput, output, null);
    }

    /** The cost of a usage; {@code inputTokens} includes the cached ones, as OpenAI and Codex count them. */
    public double cost(long inputTokens, long cachedInputTokens, long outputTokens) {
        long cached = Math.min(cachedInputTokens, inputTokens);
        return ((inputTokens - cached) * input + cached * cachedInput + outputTokens * output) / 1_000_000.0;
    }

    /**
     * The cost of a usage counted as Anthropic counts it: {@code inputTokens} are only the uncached ones, cache writes
     * and reads come apart.
     */
    public double cost(long inputTokens, long cacheWriteTokens, long cacheReadTokens, long outputTokens) {
        return (inputTokens * input + cacheWriteTokens * cacheWrite + cacheReadTokens * cachedInput
                + outputTokens * output) / 1_000_000.0;
    }
}
