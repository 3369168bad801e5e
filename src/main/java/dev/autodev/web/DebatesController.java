package dev.autodev.web;

import dev.autodev.common.Page;
import dev.autodev.debates.Debate;
import dev.autodev.debates.DebateService;
import dev.autodev.debates.DebateView;
import dev.autodev.debates.NewDebate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Debates: start, list, read with rounds, cancel. */
@RestController
@RequestMapping("/api/debates")
class DebatesController {

    private final DebateService debates;

    DebatesController(DebateService debates) {
        this.debates = debates;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DebateView create(@RequestBody(required = false) NewDebate request) {
        return debates.create(request);
    }

    @GetMapping
    Page<Debate> list(@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "50") String size) {
        return debates.list(QueryParams.page(page), QueryParams.size(size));
    }

    @GetMapping("/{id}")
    DebateView get(@PathVariable String id) {
        return debates.view(id);
    }

    @PostMapping("/{id}/cancel")
    DebateView cancel(@PathVariable String id) {
        return debates.cancel(id);
    }
}
