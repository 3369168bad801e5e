package dev.autodev.kb;

import dev.autodev.common.Db;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The knowledge-base options a person changes while the server runs (review mode), kept in the settings table.
 * Until someone saves one, the value configured in {@link KbProperties} applies.
 */
@Component
public class KbSettings {

    private static final String GET = "SELECT value FROM settings WHERE key = ?";
    private static final String PUT = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String REQUIRE_APPROVAL = "kb.requireApproval";

    private final Db db;
    private final KbProperties properties;
    private final AtomicReference<Boolean> requireApproval = new AtomicReference<>();

    KbSettings(Db db, KbProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /** Whether new entries from triage wait for a person's approval before they reach prompts. */
    public boolean requireApproval() {
        Boolean cached = requireApproval.get();
        if (cached != null) return cached;
        boolean value = db.read().sql(GET).param(REQUIRE_APPROVAL).query(String.class).optional()
                .map(Boolean::parseBoolean).orElse(properties.requireApproval());
        requireApproval.set(value);
        return value;
    }

    public void setRequireApproval(boolean value) {
        db.write().sql(PUT).params(REQUIRE_APPROVAL, Boolean.toString(value)).update();
        requireApproval.set(value);
    }
}
