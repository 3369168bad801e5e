package dev.autodev.web;

import dev.autodev.usage.UsageReport;
import dev.autodev.usage.UsageRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the runs have spent so far, Claude's and Codex's apart. */
@RestController
class UsageController {

    private final UsageRepository usage;

    UsageController(UsageRepository usage) {
        this.usage = usage;
    }

    @GetMapping("/api/usage")
    UsageReport usage() {
        return usage.report();
    }
}
