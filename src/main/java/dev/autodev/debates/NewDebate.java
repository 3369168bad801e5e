package dev.autodev.debates;

/**
 * What a client sends to start a debate. Only the task is required; the rest is checked and defaulted when the
 * debate is created. Role and numbers stay loosely typed here so a wrong value gets a message naming the field.
 *
 * @param maxRounds      1 to 10, default 3
 * @param postActionRole {@code claude} (default) or {@code codex}
 * @param loopCount      1 to 10, default 1
 * @param useWorktree    the post-action, review and refinements work in one worktree of the debate's own, whose
 *                       branch is pushed with a pull request at the end (default false; the work dir must be in a
 *                       git repository)
 */
public record NewDebate(
        String task,
        String claudeModel,
        String codexModel,
        Integer maxRounds,
        String templateId,
        String workDir,
        String postActionPrompt,
        String postActionRole,
        Boolean verification,
        Integer loopCount,
        Boolean useWorktree) {

    public static NewDebate of(String task) {
        return new NewDebate(task, null, null, null, null, null, null, null, null, null, null);
    }
}
