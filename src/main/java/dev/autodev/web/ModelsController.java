package dev.autodev.web;

import dev.autodev.jobs.JobsProperties;
import dev.autodev.usage.KnownModel;
import dev.autodev.usage.UsageProperties;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The models people can pick for a job (configured in {@code autodev.usage.models}), and the default. */
@RestController
class ModelsController {

    private final UsageProperties usage;
    private final JobsProperties jobs;

    ModelsController(UsageProperties usage, JobsProperties jobs) {
        this.usage = usage;
        this.jobs = jobs;
    }

    @GetMapping("/api/models")
    Models models() {
        return new Models(jobs.defaultModel(), usage.models());
    }

    record Models(String defaultModel, List<KnownModel> models) {}
}
