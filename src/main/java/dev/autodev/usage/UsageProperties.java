package dev.autodev.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model prices and the models the server offers.
 *
 * <p>Codex reports tokens but no cost, so a Codex run's cost is estimated from {@code prices}. Claude Code reports its
 * own cost at the end of a batch run, which is what is recorded then; its interactive sessions (and a batch run
 * until its result arrives) are estimated from the tokens in its transcript. Keys are model names or prefixes; the longest matching key wins, so
 * {@code gpt-5-mini} beats {@code gpt-5}. The defaults are <b>an assumption</b>: OpenAI's published API prices per
 * million tokens (input / cached input / output) as last known to the authors, from
 * https://openai.com/api/pricing as of August 2025: gpt-5 (and its dated, codex and 5.x variants, whose prices were
 * not known and are assumed to be gpt-5's) $1.25 / $0.125 / $10, gpt-5-mini $0.25 / $0.025 / $2, gpt-5-nano
 * $0.05 / $0.005 / $0.40, gpt-4.1 $2 / $0.50 / $8, o3 $2 / $0.50 / $8, o4-mini $1.10 / $0.275 / $4.40. Claude's are
 * Anthropic's published prices per million tokens (input / cache read / output / cache write, the 5-minute cache),
 * likewise an assumption as last known to the authors: Opus 4.5 and later (and the alias {@code opus}) $5 / $0.50 /
 * $25 / $6.25, Opus 4 and 4.1 $15 / $1.50 / $75 / $18.75, Sonnet 4.x and 3.7 ({@code sonnet}) $3 / $0.30 / $15 /
 * $3.75, Haiku 4.5 ({@code haiku}) $1 / $0.10 / $5 / $1.25, Haiku 3.5 $0.80 / $0.08 / $4 / $1. Override
 * or add one with {@code autodev.usage.prices[gpt-5.5].input=...} (brackets, since names hold dots) when the
 * provider's price list changes. A model with no
 * price is recorded with cost 0 (still marked estimated).
 *
 * @param prices USD per million tokens, by model name or prefix
 * @param models what {@code GET /api/models} lists
 */
@ConfigurationProperties("autodev.usage")
public record UsageProperties(Map<String, ModelPrice> prices, List<KnownModel> models) {

    static final Map<String, ModelPrice> DEFAULT_PRICES = defaultPrices();
    static final List<KnownModel> DEFAULT_MODELS = List.of(
            new KnownModel("claude-sonnet-4-6", "anthropic", "claude"),
            new KnownModel("claude-opus-4-6", "anthropic", "claude"),
            new KnownModel("claude-haiku-4-5", "anthropic", "claude"),
            new KnownModel("codex", "openai", "codex"),
            new KnownModel("codex-gpt-5.5", "openai", "codex"),
            new KnownModel("codex-gpt-5", "openai", "codex"),
            new KnownModel("codex-gpt-5-mini", "openai", "codex"));

    public UsageProperties {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(DEFAULT_PRICES);
        if (prices != null) merged.putAll(prices);
        prices = Map.copyOf(merged);
        models = models == null || models.isEmpty() ? DEFAULT_MODELS : List.copyOf(models);
    }

    private static Map<String, ModelPrice> defaultPrices() {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        prices.put("gpt-5", new ModelPrice(1.25, 0.125, 10));
        prices.put("gpt-5-mini", new ModelPrice(0.25, 0.025, 2));
        prices.put("gpt-5-nano", new ModelPrice(0.05, 0.005, 0.40));
        prices.put("gpt-4.1", new ModelPrice(2, 0.50, 8));
        prices.put("o3", new ModelPrice(2, 0.50, 8));
        prices.put("o4-mini", new ModelPrice(1.10, 0.275, 4.40));
        ModelPrice opus = new ModelPrice(5, 0.50, 25, 6.25);
        ModelPrice opus4 = new ModelPrice(15, 1.50, 75, 18.75);
        ModelPrice sonnet = new ModelPrice(3, 0.30, 15, 3.75);
        ModelPrice haiku = new ModelPrice(1, 0.10, 5, 1.25);
        prices.put("claude-opus-4", opus4); // 4 and 4.1; the longer keys below win for 4.5 and later
        prices.put("claude-opus-4-5", opus);
        prices.put("claude-opus-4-6", opus);
        prices.put("claude-opus-4-7", opus);
        prices.put("opus", opus);
        prices.put("claude-sonnet-4", sonnet);
        prices.put("claude-3-7-sonnet", sonnet);
        prices.put("sonnet", sonnet);
        prices.put("claude-haiku-4-5", haiku);
        prices.put("haiku", haiku);
        prices.put("claude-3-5-haiku", new ModelPrice(0.80, 0.08, 4, 1.0));
        return Map.copyOf(prices);
    }
}
