package dev.autodev.web;

import dev.autodev.classify.ClassifySettings;
import dev.autodev.common.ApiException.BadRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Model auto-classification: whether it is on, and the model per rating. */
@RestController
@RequestMapping("/api/classification")
class ClassificationController {

    private final ClassifySettings settings;

    ClassificationController(ClassifySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/settings")
    View get() {
        return new View(settings.enabled(), settings.tiers());
    }

    @PutMapping("/settings")
    View put(@RequestBody(required = false) Changes changes) {
        if (changes == null || changes.enabled() == null) throw new BadRequest("enabled", "is required, true or false");
        settings.setEnabled(changes.enabled());
        return get();
    }

    record View(boolean enabled, Map<String, String> tiers) {}

    record Changes(Boolean enabled) {}
}
