package dev.autodev.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PriceTableTest {

    private final PriceTable defaults = new PriceTable(new UsageProperties(null, null));

    @Test
    void claudeModelsArePricedWithCacheWritesAndReadsApart() {
        assertThat(defaults.cost("claude-sonnet-4-6", 1_000_000, 1_000_000, 1_000_000, 1_000_000)).isCloseTo(3 + 3.75 + 0.30 + 15, within(1e-9));
        assertThat(defaults.cost("claude-opus-4-6", 1_000_000, 0, 0, 1_000_000)).isCloseTo(5 + 25, within(1e-9));
        assertThat(defaults.cost("claude-opus-4-1-20250805", 1_000_000, 0, 0, 0)).as("Opus 4.1 by its prefix").isCloseTo(15, within(1e-9));
        assertThat(defaults.cost("claude-haiku-4-5-20251001", 0, 0, 0, 1_000_000)).isCloseTo(5, within(1e-9));
        assertThat(defaults.cost("sonnet", 1_000_000, 0, 0, 0)).as("the CLI's alias").isCloseTo(3, within(1e-9));
        assertThat(defaults.cost("no-such-model", 1_000_000, 0, 0, 0)).isZero();
    }

    @Test
    void aPriceSetInTheSettingsBindsWithOrWithoutItsCacheWritePrice() {
        var source = new MapConfigurationPropertySource(Map.of(
                "autodev.usage.prices[gpt-5.5].input", "2", "autodev.usage.prices[gpt-5.5].cached-input", "0.2",
                "autodev.usage.prices[gpt-5.5].output", "12",
                "autodev.usage.prices[claude-sonnet-4-6].input", "4", "autodev.usage.prices[claude-sonnet-4-6].cached-input", "0.4",
                "autodev.usage.prices[claude-sonnet-4-6].output", "20", "autodev.usage.prices[claude-sonnet-4-6].cache-write", "5"));
        UsageProperties bound = new Binder(source).bind("autodev.usage", UsageProperties.class).get();

        assertThat(bound.prices().get("gpt-5.5")).isEqualTo(new ModelPrice(2, 0.2, 12, 2.0));
        assertThat(bound.prices().get("claude-sonnet-4-6")).isEqualTo(new ModelPrice(4, 0.4, 20, 5.0));
        assertThat(bound.prices()).containsKey("claude-haiku-4-5");
    }
}
