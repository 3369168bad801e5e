package dev.autodev.web;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.git.Changes;
import dev.autodev.git.Changes.Scope;
import dev.autodev.git.RunChanges;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a run has changed where it works, from the commit it started from to now: commits, uncommitted edits and
 * untracked files. {@code ?scope=job} counts from the job's first run instead.
 */
@RestController
class ChangesController {

    private final RunChanges changes;

    ChangesController(RunChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/api/agents/{id}/changes")
    Changes changes(@PathVariable String id, @RequestParam(required = false) String scope) throws IOException {
        return changes.of(id, scope(scope));
    }

    private static Scope scope(String value) {
        if (value == null || value.isBlank() || value.equals("run")) return Scope.RUN;
        if (value.equals("job")) return Scope.JOB;
        throw new BadRequest("scope", "must be run or job, was '" + value + "'");
    }
}
