package dev.autodev.workflows;

import dev.autodev.notes.Note;
import java.util.List;

/**
 * The prompt of each phase job: who it is for, where to work, the task, what this phase must do, and the shared
 * notes inlined (plan, contract, newest worklogs first) within a character cap, so an agent that cannot read a note
 * still knows the plan. The second line, {@code Phase: <phase>, cycle <n>}, names the phase exactly once.
 */
final class PhasePrompts {

    private PhasePrompts() {}

    static String header(Phase kind, Phase phase, int cycle) {
        String name = kind == Phase.REPAIR ? "repair before " + phase.json() : kind.json();
        return "Phase: " + name + ", cycle " + cycle;
    }

    static String build(Workflow wf, Decision.Start start, String plan, String contract, List<Note> worklogs, int cap) {
        StringBuilder p = new StringBuilder();
        p.append("# Autonomous run: ").append(wf.title()).append('\n')
                .append(header(start.kind(), start.phase(), start.cycle())).append('\n')
                .append("Workflow id: ").append(wf.id()).append('\n');
        if (wf.worktreePath() != null) {
            p.append("Work in: ").append(wf.worktreePath()).append(" on branch ").append(wf.branch())
                    .append(" (every phase of this run shares this worktree and branch; commit your work there)\n");
        }
        p.append("\n## Task\n\n").append(wf.task().strip()).append("\n\n## This phase\n\n").append(instructions(wf, start))
                .append("\n\n## Shared notes\n\n- plan: `").append(wf.planKey()).append("`\n- contract: `")
                .append(wf.contractKey()).append("`\n- worklogs: `").append(wf.worklogPrefix())
                .append("cycle-<N>-<phase>`\nRead and write them with the orchestrator's read_note and write_note tools.\n");
        p.append(inlined(wf, plan, contract, worklogs, cap));
        return p.toString();
    }

    private static String instructions(Workflow wf, Decision.Start start) {
        String worklog = "`" + wf.worklogKey(start.cycle(), start.kind()) + "`";
        return switch (start.kind()) {
            case ASSESS -> "Study the repository; change no code. Write the plan note `" + wf.planKey() + "` with one "
                    + "checkbox line per milestone, in the order to do them:\n`- [ ] **M1: title** — acceptance criteria`\n"
                    + "Each milestone must fit in one implement phase. Then write the contract note `" + wf.contractKey()
                    + "`: the rules every phase follows (how to build and test, conventions, what not to touch). "
                    + "End with a short summary.";
            case REVIEW -> start.cycle() <= 1
                    ? "Validate the plan: are the milestones concrete, ordered, small and testable? Fix the plan note "
                    + "if it needs it (keep the checkbox format; check nothing off). Write your findings to " + worklog + "."
                    : "Review the latest changes on the branch (git log, git diff), run the tests and check them against "
                    + "the contract. If a milestone is checked off but not really done, uncheck it in the plan note. "
                    + "Write your findings, most important first, to " + worklog + ".";
            case IMPLEMENT -> "First fix what the latest review found. Then take the top unchecked milestone: lock the "
                    + "files you will edit (lock_files), implement it, run the tests, and commit on the branch with a "
                    + "message naming the milestone. Check it off in the plan note (rewrite the note with `- [x]` on "
                    + "its line) and write what you did to " + worklog + ". Do one milestone only.";
            case REPAIR -> "A required note is missing or unusable (" + start.why() + "). Study the repository and the "
                    + "task and write what is missing: the plan note `" + wf.planKey() + "` with one checkbox line per "
                    + "milestone (`- [ ] **M1: title** — acceptance criteria`), and the contract note `"
                    + wf.contractKey() + "` with the rules every phase follows. Change no code.";
            case FINALIZE -> throw new IllegalArgumentException("finalize runs no job");
        };
    }

    /** Plan first, then contract, then worklogs newest first, all within {@code cap} characters. */
    static String inlined(Workflow wf, String plan, String contract, List<Note> worklogs, int cap) {
        StringBuilder out = new StringBuilder();
        int left = cap;
        left = section(out, "\n## Current plan (" + wf.planKey() + ")\n\n", plan, left);
        left = section(out, "\n## Contract (" + wf.contractKey() + ")\n\n", contract, left);
        for (Note log : worklogs.reversed()) {
            if (left <= 0) break;
            left = section(out, "\n## Worklog " + log.key() + "\n\n", log.value(), left);
        }
        return out.toString();
    }

    private static int section(StringBuilder out, String title, String text, int left) {
        if (text == null || text.isBlank() || left <= 0) return left;
        String body = text.length() > left ? text.substring(0, left) + "\n[... cut at the context cap]" : text;
        out.append(title).append(body.strip()).append('\n');
        return left - Math.min(text.length(), left);
    }
}
