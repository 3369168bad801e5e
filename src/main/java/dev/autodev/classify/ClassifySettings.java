package dev.autodev.classify;

import dev.autodev.common.Db;
import dev.autodev.jobs.ModelAutoChoice;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Whether auto-classification is on, changeable while the server runs (kept in the settings table); until someone
 * saves it, {@link ClassifyProperties#enabled()} applies.
 */
@Component
public class ClassifySettings implements ModelAutoChoice {

    private static final String GET = "SELECT value FROM settings WHERE key = ?";
    private static final String PUT = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String ENABLED = "classify.enabled";

    private final Db db;
    private final ClassifyProperties properties;
    private final AtomicReference<Boolean> enabled = new AtomicReference<>();

    ClassifySettings(Db db, ClassifyProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    @Override
    public boolean active() {
        return enabled();
    }

    public boolean enabled() {
        Boolean cached = enabled.get();
        if (cached != null) return cached;
        boolean value = db.read().sql(GET).param(ENABLED).query(String.class).optional()
                .map(Boolean::parseBoolean).orElse(properties.enabled());
        enabled.set(value);
        return value;
    }

    public void setEnabled(boolean value) {
        db.write().sql(PUT).params(ENABLED, Boolean.toString(value)).update();
        enabled.set(value);
    }

    /** The model per rating. */
    public java.util.Map<String, String> tiers() {
        return properties.tiers();
    }
}
