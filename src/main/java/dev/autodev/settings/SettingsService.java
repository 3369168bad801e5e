package dev.autodev.settings;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.Db;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and saves {@link Settings}. Values are cached, because the dispatcher asks on every pass. */
@Service
public class SettingsService {

    private static final String GET = "SELECT value FROM settings WHERE key = ?";
    private static final String PUT = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String MAX_AGENTS = "maxConcurrentAgents";

    private final Db db;
    private final ApplicationEventPublisher events;
    private final int defaultMaxAgents;
    private final AtomicReference<Settings> cached = new AtomicReference<>();

    SettingsService(Db db, ApplicationEventPublisher events, SettingsProperties defaults) {
        this.db = db;
        this.events = events;
        this.defaultMaxAgents = defaults.maxConcurrentAgents();
    }

    public Settings current() {
        Settings settings = cached.get();
        if (settings != null) return settings;
        Integer maxAgents = db.read().sql(GET).param(MAX_AGENTS).query(String.class).optional()
                .map(Integer::valueOf).orElse(defaultMaxAgents);
        settings = new Settings(maxAgents);
        cached.set(settings);
        return settings;
    }

    public int maxConcurrentAgents() {
        return current().maxConcurrentAgents();
    }

    /** Saves the fields that are given; absent fields keep their value. */
    @Transactional
    public Settings update(Settings changes) {
        if (changes == null) throw new BadRequest("body", "a JSON object with the settings to change is required");
        Integer maxAgents = changes.maxConcurrentAgents();
        if (maxAgents != null) {
            if (maxAgents < 1 || maxAgents > Settings.MAX_AGENTS_LIMIT) {
                throw new BadRequest("maxConcurrentAgents", "must be between 1 and " + Settings.MAX_AGENTS_LIMIT + ", was " + maxAgents);
            }
            db.write().sql(PUT).params(MAX_AGENTS, maxAgents.toString()).update();
        }
        cached.set(null);
        Settings saved = new Settings(maxAgents != null ? maxAgents : current().maxConcurrentAgents());
        cached.set(saved);
        events.publishEvent(new SettingsChanged(saved));
        return saved;
    }
}
