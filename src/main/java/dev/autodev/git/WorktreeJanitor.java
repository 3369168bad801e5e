package dev.autodev.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, removes worktrees no active job needs: those of finished jobs the last server did not get to, and
 * folders under {@code .orchestrator-worktrees/} of the known repositories that no job owns. Runs in the background,
 * logging what fails; the branches stay.
 */
@Component
class WorktreeJanitor {

    private static final Logger log = LoggerFactory.getLogger(WorktreeJanitor.class);

    private final WorktreeRepository worktrees;
    private final Worktrees trees;
    private final GitProperties properties;

    WorktreeJanitor(WorktreeRepository worktrees, Worktrees trees, GitProperties properties) {
        this.worktrees = worktrees;
        this.trees = trees;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("worktree-janitor").start(this::cleanUp);
    }

    void cleanUp() {
        try {
            worktrees.openOfFinishedJobs().forEach(trees::remove);
            for (Path root : worktrees.repoRoots()) cleanUp(root);
        } catch (RuntimeException e) {
            log.warn("cleaning up worktrees failed", e);
        }
    }

    private void cleanUp(Path root) {
        Path dir = root.resolve(GitProperties.WORKTREE_DIR);
        if (!Files.isDirectory(dir)) return;
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            log.warn("cannot list {}", dir, e);
            return;
        }
        for (Path folder : folders) {
            boolean owned = worktrees.atPath(folder).map(tree -> worktrees.jobActive(tree.jobId())).orElse(false);
            if (owned) continue;
            try {
                Commands.Result removed = Commands.git(root, properties.commandTimeout(), "worktree", "remove", "--force", folder.toString());
                if (!removed.ok()) log.warn("could not remove orphaned worktree {}: {}", folder, removed.tail(300));
                else log.info("removed orphaned worktree {}", folder);
            } catch (IOException e) {
                log.warn("could not remove orphaned worktree {}", folder, e);
            }
        }
        try {
            Commands.git(root, properties.commandTimeout(), "worktree", "prune");
        } catch (IOException e) {
            log.warn("git worktree prune failed in {}", root, e);
        }
    }
}
