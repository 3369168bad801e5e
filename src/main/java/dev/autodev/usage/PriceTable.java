package dev.autodev.usage;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Looks up a model's price in {@link UsageProperties#prices()}: an exact name, else the longest matching prefix. */
@Component
public class PriceTable {

    private final Map<String, ModelPrice> prices;

    public PriceTable(UsageProperties properties) {
        this.prices = properties.prices();
    }

    public Optional<ModelPrice> forModel(String model) {
        if (model == null) return Optional.empty();
        ModelPrice exact = prices.get(model);
        if (exact != null) return Optional.of(exact);
        return prices.entrySet().stream()
                .filter(entry -> model.startsWith(entry.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** The estimated cost of a usage in US dollars; 0 for a model without a price. */
    public double cost(String model, long inputTokens, long cachedInputTokens, long outputTokens) {
        return forModel(model).map(price -> price.cost(inputTokens, cachedInputTokens, outputTokens)).orElse(0.0);
    }

    /**
     * The estimated cost of a usage counted as Claude reports it (uncached input, cache writes and cache reads apart);
     * 0 for a model without a price.
     */
    public double cost(String model, long inputTokens, long cacheWriteTokens, long cacheReadTokens, long outputTokens) {
        return forModel(model).map(price -> price.cost(inputTokens, cacheWriteTokens, cacheReadTokens, outputTokens))
                .orElse(0.0);
    }
}
