package dev.autodev.agents.codex;

import java.nio.file.Path;
import java.util.List;

/**
 * The lock hook as Codex's PreToolUse hook, for one run: {@code -c} overrides on that run's command line, so nothing
 * lands in the user's own Codex config. Codex 0.169 names file edits {@code apply_patch} (its input's
 * {@code command} is the patch) and every shell command {@code Bash} (an {@code apply_patch <<'EOF'} among them), so
 * the hook sees both; the script checks the files a patch names and lets other shell commands through.
 */
final class CodexLockHook {

    /** Anchored: Codex matches the pattern against tool names, and MCP tools need no lock. */
    static final String MATCHER = "^(apply_patch|Bash)$";

    /** The warning Codex prints, as an error item, whenever hook trust is bypassed: expected here, not a failure. */
    static final String BYPASS_NOTICE = "`--dangerously-bypass-hook-trust` is enabled";

    private CodexLockHook() {}

    static List<String> arguments(Path hook) {
        String handler = "{type=\"command\",command=" + CodexCli.tomlString(shellQuoted(hook.toString())) + "}";
        return List.of(
                // Hooks from config are skipped until someone trusts them in Codex's own UI, which an unattended run
                // never shows; this runs them for this invocation only.
                "--dangerously-bypass-hook-trust",
                // On by default in 0.169; a user's config that turns hooks off must not turn the lock rule off.
                "-c", "features.hooks=true",
                "-c", "hooks.PreToolUse=[{matcher=" + CodexCli.tomlString(MATCHER) + ",hooks=[" + handler + "]}]");
    }

    /** Codex runs a hook's command through the shell, so a path with spaces or quotes is quoted for it. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
