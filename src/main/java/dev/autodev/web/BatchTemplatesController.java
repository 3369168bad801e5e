package dev.autodev.web;

import dev.autodev.batches.BatchRunRequest;
import dev.autodev.batches.BatchRunResult;
import dev.autodev.batches.BatchService;
import dev.autodev.batches.BatchTemplate;
import dev.autodev.batches.BatchTemplateInput;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Batch templates: saved task lists, and running one. */
@RestController
@RequestMapping("/api/batch-templates")
class BatchTemplatesController {

    private final BatchService batches;

    BatchTemplatesController(BatchService batches) {
        this.batches = batches;
    }

    @GetMapping
    List<BatchTemplate> list() {
        return batches.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BatchTemplate create(@RequestBody(required = false) BatchTemplateInput in) {
        return batches.create(in);
    }

    @GetMapping("/{id}")
    BatchTemplate get(@PathVariable String id) {
        return batches.get(id);
    }

    @PutMapping("/{id}")
    BatchTemplate update(@PathVariable String id, @RequestBody(required = false) BatchTemplateInput in) {
        return batches.update(id, in);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        batches.delete(id);
    }

    /** One job per item in a new project; answers the project and the jobs. */
    @PostMapping("/{id}/run")
    @ResponseStatus(HttpStatus.CREATED)
    BatchRunResult run(@PathVariable String id, @RequestBody(required = false) BatchRunRequest options) {
        return batches.run(id, options);
    }
}
