package dev.autodev.web;

import dev.autodev.usage.UsageReport;
import dev.autodev.usage.UsageRepository;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the runs have spent, Claude's and Codex's apart, by model and by day, over an optional window. */
@RestController
class UsageController {

    private final UsageRepository usage;

    UsageController(UsageRepository usage) {
        this.usage = usage;
    }

    /** Runs that started in [from, to); without either, since the beginning and up to now. */
    @GetMapping("/api/usage")
    UsageReport usage(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant start = QueryParams.time("from", from);
        Instant end = QueryParams.time("to", to);
        QueryParams.window(start, end);
        return usage.report(start, end);
    }
}
