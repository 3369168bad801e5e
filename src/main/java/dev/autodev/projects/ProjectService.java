package dev.autodev.projects;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.Conflict;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.common.Ids;
import dev.autodev.common.TextInput;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects: named groups of jobs. Other features that start a group of work (batch runs, workflows, debates) create
 * their project here, with {@link #create} when the name must be the one given, or {@link #createUnique} when a
 * number may be added to make it unique.
 */
@Service
public class ProjectService {

    static final int MAX_DESCRIPTION_CHARS = 2_000;
    /** How many numbered variants {@link #createUnique} tries before it gives up. */
    private static final int MAX_SUFFIX = 1_000;

    private final ProjectRepository projects;
    private final Clock clock;

    ProjectService(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Creates a project. 400 naming the field when the name is missing or too long (at most 200 characters) or the
     * description too long (2,000); 409 when another project has this name, ignoring case.
     */
    @Transactional
    public Project create(String name, String description) {
        String checkedName = TextInput.name("name", name);
        String checkedDescription = TextInput.optional("description", description, MAX_DESCRIPTION_CHARS);
        if (projects.nameTaken(checkedName, null)) {
            throw new Conflict("name", "a project named '" + checkedName + "' already exists");
        }
        Instant now = now();
        Project project = new Project(Ids.newId(), checkedName, checkedDescription, now, now);
        projects.insert(project);
        return project;
    }

    /** As {@link #create}, but a taken name gets " (2)", " (3)", ... until it is free: never a 409. */
    @Transactional
    public Project createUnique(String baseName, String description) {
        String base = TextInput.name("name", baseName);
        String name = base;
        for (int n = 2; projects.nameTaken(name, null); n++) {
            if (n > MAX_SUFFIX) throw new Conflict("name", "too many projects named '" + base + "'");
            String suffix = " (" + n + ")";
            name = base.length() + suffix.length() > TextInput.MAX_NAME_CHARS
                    ? base.substring(0, TextInput.MAX_NAME_CHARS - suffix.length()) + suffix : base + suffix;
        }
        return create(name, description);
    }

    /** Renames a project or changes its description. */
    @Transactional
    public Project update(String id, ProjectInput in) {
        if (in == null) throw new BadRequest("body", "a JSON object with a name is required");
        Project old = projects.findForUpdate(id).orElseThrow(() -> new NotFound("project", id));
        String name = TextInput.name("name", in.name());
        String description = TextInput.optional("description", in.description(), MAX_DESCRIPTION_CHARS);
        if (projects.nameTaken(name, id)) throw new Conflict("name", "a project named '" + name + "' already exists");
        Project project = new Project(id, name, description, old.createdAt(), now());
        projects.update(project);
        return project;
    }

    /** Deletes a project; its jobs keep their history and become un-grouped. */
    @Transactional
    public void delete(String id) {
        if (!projects.delete(id)) throw new NotFound("project", id);
    }

    public Project get(String id) {
        return projects.find(id).orElseThrow(() -> new NotFound("project", id));
    }

    /** Through the writer connection, for checks inside a write transaction. */
    public Optional<Project> findForUpdate(String id) {
        return projects.findForUpdate(id);
    }

    /** Every project, newest first. */
    public List<Project> list() {
        return projects.all();
    }

    /** How many jobs on the board each project holds (archived ones not counted). */
    public Map<String, Long> jobCounts() {
        return projects.jobCounts();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
