package dev.autodev.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.autodev.projects.Project;
import dev.autodev.projects.ProjectInput;
import dev.autodev.projects.ProjectService;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Projects: named groups of jobs. */
@RestController
class ProjectsController {

    private final ProjectService projects;

    ProjectsController(ProjectService projects) {
        this.projects = projects;
    }

    /** Every project, newest first, with how many jobs it has on the board. */
    @GetMapping("/api/projects")
    List<ProjectWithCount> list() {
        Map<String, Long> counts = projects.jobCounts();
        return projects.list().stream().map(p -> new ProjectWithCount(p, counts.getOrDefault(p.id(), 0L))).toList();
    }

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Project create(@RequestBody(required = false) ProjectInput in) {
        return in == null ? projects.create(null, null) : projects.create(in.name(), in.description());
    }

    @GetMapping("/api/projects/{id}")
    Project get(@PathVariable String id) {
        return projects.get(id);
    }

    /** Rename, or change the description. */
    @PutMapping("/api/projects/{id}")
    Project update(@PathVariable String id, @RequestBody(required = false) ProjectInput in) {
        return projects.update(id, in);
    }

    /** The project goes; its jobs stay, un-grouped. */
    @DeleteMapping("/api/projects/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        projects.delete(id);
    }

    record ProjectWithCount(@JsonUnwrapped Project project, long jobCount) {}
}
