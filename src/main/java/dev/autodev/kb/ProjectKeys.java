package dev.autodev.kb;

import dev.autodev.common.GitFolders;
import dev.autodev.jobs.Job;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which project a job belongs to, for {@code project} entries: the job's project id when it has one, else its
 * repository: the top of the git work tree holding its work dir (the directory with {@code .git}), else the work dir
 * itself. This is the one place that decides.
 */
@Component
public class ProjectKeys {

    private final Map<String, String> byDir = new ConcurrentHashMap<>();

    /** The project key of a job. */
    public String of(Job job) {
        return job.projectId() != null ? job.projectId() : forDirectory(job.workDir());
    }

    /**
     * The key for what a person or agent gave as a project: a directory (resolved to its repository) or a key as
     * stored, which is returned as it is.
     */
    public String normalize(String project) {
        if (project == null || project.isBlank()) return null;
        String value = project.strip();
        try {
            Path path = Path.of(value);
            if (path.isAbsolute() && Files.isDirectory(path)) return forDirectory(value);
        } catch (InvalidPathException e) {
            // Not a path: a key as stored.
        }
        return value;
    }

    /** Cached: the walk up the tree is cheap, but dispatch asks for every job and bench counts microseconds. */
    private String forDirectory(String workDir) {
        return byDir.computeIfAbsent(workDir, dir -> {
            Path start = Path.of(dir).toAbsolutePath().normalize();
            return GitFolders.nearestDotGit(start).map(dotGit -> dotGit.getParent().toString()).orElse(start.toString());
        });
    }
}
