package dev.autodev.web;

import dev.autodev.settings.Settings;
import dev.autodev.settings.SettingsService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings")
class SettingsController {

    private final SettingsService settings;

    SettingsController(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    Settings get() {
        return settings.current();
    }

    @PutMapping
    Settings put(@RequestBody(required = false) Settings changes) {
        return settings.update(changes);
    }
}
