package dev.autodev.classify;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Model auto-classification: a job created without a model is rated simple, medium or complex by the small model
 * and gets that tier's model. An explicit model always wins.
 *
 * @param enabled whether jobs without a model are classified (default true); the classification settings endpoint
 *                changes it while the server runs. When off, or when the classifier fails, the default model is used
 * @param tiers   the model per rating; defaults {@code simple=claude-haiku-4-5}, {@code medium=claude-sonnet-4-6},
 *                {@code complex=claude-opus-4-6} (the ids {@code GET /api/models} lists)
 */
@ConfigurationProperties("autodev.classify")
public record ClassifyProperties(Boolean enabled, Map<String, String> tiers) {

    static final Map<String, String> DEFAULT_TIERS = Map.of(
            Rating.SIMPLE, "claude-haiku-4-5",
            Rating.MEDIUM, "claude-sonnet-4-6",
            Rating.COMPLEX, "claude-opus-4-6");

    public ClassifyProperties {
        if (enabled == null) enabled = true;
        Map<String, String> merged = new LinkedHashMap<>(DEFAULT_TIERS);
        if (tiers != null) tiers.forEach((rating, model) -> {
            if (!DEFAULT_TIERS.containsKey(rating)) throw new IllegalArgumentException(
                    "autodev.classify.tiers: unknown rating " + rating + " (simple, medium or complex)");
            if (model != null && !model.isBlank()) merged.put(rating, model.strip());
        });
        tiers = Map.copyOf(merged);
    }
}
