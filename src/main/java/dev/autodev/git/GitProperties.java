package dev.autodev.git;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worktrees, pushes, pull requests and completion checks.
 *
 * @param ghBin          the GitHub CLI that opens pull requests (GH_BIN, default {@code gh})
 * @param commandTimeout limit for local git commands (worktree add/remove, commit, diff); default 60 s
 * @param pushTimeout    limit for {@code git push} and {@code gh pr create}; default 2 min
 * @param checkTimeout   limit for a {@code custom_command:} completion check; default 10 min
 */
@ConfigurationProperties("autodev.git")
public record GitProperties(String ghBin, Duration commandTimeout, Duration pushTimeout, Duration checkTimeout) {

    /** Where a repository's job worktrees live, under its root. */
    public static final String WORKTREE_DIR = ".orchestrator-worktrees";

    public GitProperties {
        if (ghBin == null || ghBin.isBlank()) ghBin = "gh";
        if (commandTimeout == null) commandTimeout = Duration.ofSeconds(60);
        if (pushTimeout == null) pushTimeout = Duration.ofMinutes(2);
        if (checkTimeout == null) checkTimeout = Duration.ofMinutes(10);
    }
}
