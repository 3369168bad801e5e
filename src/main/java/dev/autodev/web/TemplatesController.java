package dev.autodev.web;

import dev.autodev.templates.Template;
import dev.autodev.templates.TemplateInput;
import dev.autodev.templates.TemplateService;
import dev.autodev.templates.TemplateStats;
import dev.autodev.templates.TemplateStats.TemplateModelStats;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Templates and the stats of the jobs that used them. */
@RestController
class TemplatesController {

    private final TemplateService templates;

    TemplatesController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/api/templates")
    List<Template> list() {
        return templates.list();
    }

    @PostMapping("/api/templates")
    @ResponseStatus(HttpStatus.CREATED)
    Template create(@RequestBody(required = false) TemplateInput in) {
        return templates.create(in);
    }

    @GetMapping("/api/templates/{id}")
    Template get(@PathVariable String id) {
        return templates.get(id);
    }

    @PutMapping("/api/templates/{id}")
    Template update(@PathVariable String id, @RequestBody(required = false) TemplateInput in) {
        return templates.update(id, in);
    }

    @DeleteMapping("/api/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        templates.delete(id);
    }

    @GetMapping("/api/templates/{id}/stats")
    TemplateStats stats(@PathVariable String id) {
        return templates.stats(id);
    }

    @GetMapping("/api/stats/template-model")
    List<TemplateModelStats> byTemplateAndModel() {
        return templates.statsByTemplateAndModel();
    }
}
