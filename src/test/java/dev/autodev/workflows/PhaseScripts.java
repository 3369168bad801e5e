package dev.autodev.workflows;

import dev.autodev.testsupport.fakemodel.RecordedRequest;
import dev.autodev.testsupport.fakemodel.Step;
import dev.autodev.testsupport.fakeopenai.ResponseStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scripted conversations for workflow phases. A phase prompt names the workflow ({@code Workflow id: ...}) and its
 * worktree ({@code Work in: ... on branch ...}), so steps read both from the request they answer.
 */
public final class PhaseScripts {

    private static final Pattern ID = Pattern.compile("Workflow id: (\\S+)");
    private static final Pattern WORKTREE = Pattern.compile("Work in: (\\S+) on branch");

    private PhaseScripts() {}

    /** The parts that pick one phase of one test's workflow: its marker and the phase's header line. */
    public static List<String> phase(String marker, String header) {
        return List.of(marker, "Phase: " + header + "\n");
    }

    public static String idIn(String prompt) {
        Matcher m = ID.matcher(prompt);
        if (!m.find()) throw new IllegalStateException("no workflow id in the prompt");
        return m.group(1);
    }

    public static String worktreeIn(String prompt) {
        Matcher m = WORKTREE.matcher(prompt);
        if (!m.find()) throw new IllegalStateException("no worktree in the prompt");
        return m.group(1);
    }

    public static String plan(int milestones, int done) {
        StringBuilder plan = new StringBuilder("# Plan\n\n");
        for (int i = 1; i <= milestones; i++) {
            plan.append("- [").append(i <= done ? 'x' : ' ').append("] **M").append(i).append(": file m").append(i)
                    .append("** — m").append(i).append(".txt exists and is committed\n");
        }
        return plan.toString();
    }

    /** Claude writes a note of this workflow ({@code plan}, {@code contract}, {@code worklog/cycle-1-implement}). */
    public static Step note(String suffix, String value) {
        return Step.toolUse("mcp__orchestrator__write_note",
                r -> Map.of("key", "workflow/" + idIn(r.firstUserText()) + "/" + suffix, "value", value));
    }

    /** The assess phase on Claude: the plan with {@code milestones} open milestones and a contract. */
    public static Step[] assess(int milestones) {
        return new Step[] {note("plan", plan(milestones, 0)), note("contract", "Each milestone is one file, committed."),
                Step.text("Planned " + milestones + " milestones.")};
    }

    /** An implement phase on Claude: lock, write, commit, check the milestone off, write the worklog. */
    public static Step[] implement(int milestone, int total) {
        String file = "m" + milestone + ".txt";
        Function<RecordedRequest, Map<String, Object>> write = r -> Map.of(
                "file_path", worktreeIn(r.firstUserText()) + "/" + file, "content", "milestone " + milestone + "\n");
        return new Step[] {
                Step.toolUse("mcp__orchestrator__lock_files", Map.of("files", List.of(file), "reason", "milestone " + milestone)),
                Step.toolUse("Write", write),
                Step.toolUse("Bash", Map.of("command", "git add " + file + " && git commit -q -m 'M" + milestone + ": file " + file + "'")),
                note("plan", plan(total, milestone)),
                note("worklog/cycle-" + milestone + "-implement", "Wrote and committed " + file + "."),
                Step.text("M" + milestone + " done.")};
    }

    /** A Codex review: looks at the branch, then answers with its findings (the engine keeps them as the worklog). */
    public static ResponseStep[] codexReview(String findings) {
        return new ResponseStep[] {ResponseStep.shell("git log --oneline"), ResponseStep.text(findings)};
    }

    /** A Claude review: looks at the branch, then answers with its findings. */
    public static Step[] claudeReview(String findings) {
        return new Step[] {Step.toolUse("Bash", Map.of("command", "git log --oneline")), Step.text(findings)};
    }

    public static <T> List<T> list(T[] items) {
        return new ArrayList<>(List.of(items));
    }
}
