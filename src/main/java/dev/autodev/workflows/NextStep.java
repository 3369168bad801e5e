package dev.autodev.workflows;

import dev.autodev.agents.FailureKind;
import dev.autodev.workflows.BlockedReason.Codes;
import dev.autodev.workflows.Decision.Block;
import dev.autodev.workflows.Decision.Complete;
import dev.autodev.workflows.Decision.Finalize;
import dev.autodev.workflows.Decision.Pause;
import dev.autodev.workflows.Decision.Start;
import dev.autodev.workflows.Decision.Wait;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workflow's brain, a pure function of stored state: "given this workflow, its steps and its notes, the next
 * step is ...". It never looks at the clock or the database itself, so a restart that reads the same state decides
 * the same thing, and every path can be tested from a hand-made state.
 */
final class NextStep {

    /** Failures worth trying again on the same model: the CLI died, hung, or the provider was overloaded. */
    static final Set<FailureKind> TRANSIENT = EnumSet.of(FailureKind.CLI_CRASH, FailureKind.TIMEOUT, FailureKind.OVERLOADED);

    private NextStep() {}

    private record Target(Phase phase, int cycle) {}

    static Decision decide(WorkflowState s) {
        Workflow wf = s.workflow();
        if (wf.status() != WorkflowStatus.RUNNING) return new Wait("the workflow is " + wf.status().wireName());
        List<WorkflowStep> steps = s.steps();
        WorkflowStep last = steps.isEmpty() ? null : steps.getLast();
        if (last != null && !last.settled()) {
            return last.kind() == Phase.FINALIZE ? new Finalize(!s.milestones().allDone()) : new Wait("step " + last.seq() + " runs");
        }
        if (last != null && last.kind() == Phase.FINALIZE && last.succeeded()) return new Complete();
        List<WorkflowStep> current = sinceResume(s);
        Target target;
        if (current.isEmpty() && wf.resumePhase() != null) {
            target = new Target(wf.resumePhase(), wf.resumeCycle() == null ? 0 : wf.resumeCycle());
        } else if (last == null) {
            target = new Target(Phase.ASSESS, 0);
        } else if (!last.succeeded()) {
            return afterFailure(s, last, current);
        } else if (last.kind() == Phase.REPAIR) {
            target = new Target(last.phase(), last.cycle());
        } else {
            Decision after = afterSuccess(s, last, current);
            if (!(after instanceof Start next)) return after;
            target = new Target(next.phase(), next.cycle());
        }
        return begin(s, target, current);
    }

    /** What follows a phase that succeeded: a Start naming only the next target, or a final decision. */
    private static Decision afterSuccess(WorkflowState s, WorkflowStep last, List<WorkflowStep> current) {
        Milestones milestones = s.milestones();
        return switch (last.kind()) {
            case ASSESS -> new Start(Phase.REVIEW, Phase.REVIEW, 1, null, "after assess");
            case REVIEW -> milestones.allDone() ? new Finalize(false)
                    : new Start(Phase.IMPLEMENT, Phase.IMPLEMENT, last.cycle(), null, "after review");
            case IMPLEMENT -> {
                if (milestones.allDone()) yield new Finalize(false);
                int idle = implementsWithoutProgress(current);
                if (idle >= s.policy().zeroProgressLimit()) {
                    yield new Block(new BlockedReason(Codes.ZERO_PROGRESS,
                            idle + " implement cycles in a row checked off no milestone (" + milestones.done() + " of "
                                    + milestones.total() + " done).",
                            "Look at the latest worklogs and the plan, fix what holds the implementer back (or edit the plan), then resume."));
                }
                yield last.cycle() >= s.workflow().maxCycles() ? new Finalize(true)
                        : new Start(Phase.REVIEW, Phase.REVIEW, last.cycle() + 1, null, "next cycle");
            }
            case REPAIR, FINALIZE -> throw new IllegalStateException("not a phase: " + last.kind());
        };
    }

    /** Checks what the target needs (plan, contract, approval, budget), then picks its model. */
    private static Decision begin(WorkflowState s, Target target, List<WorkflowStep> current) {
        Workflow wf = s.workflow();
        if (target.phase() == Phase.FINALIZE) return new Finalize(!s.milestones().allDone());
        if (target.phase() == Phase.REVIEW || target.phase() == Phase.IMPLEMENT) {
            BlockedReason missing = missingArtifact(s);
            if (missing != null) {
                long repairs = current.stream().filter(st -> st.kind() == Phase.REPAIR && st.phase() == target.phase()
                        && st.cycle() == target.cycle()).count();
                if (repairs >= s.policy().repairAttempts()) return new Block(missing);
                return start(s, Phase.REPAIR, target, "repair: " + missing.code(), current);
            }
            if (target.phase() == Phase.REVIEW && target.cycle() == 1 && wf.approvePlan() && !wf.planApproved()) {
                Milestones m = s.milestones();
                return new Pause(new BlockedReason(Codes.PLAN_APPROVAL,
                        "The plan is written (" + m.total() + " milestones) and waits for approval before any code is written.",
                        "Read and edit the note " + wf.planKey() + " if needed, then approve."));
            }
        }
        return start(s, target.phase(), target, "next phase", current);
    }

    private static Decision start(WorkflowState s, Phase kind, Target target, String why, List<WorkflowStep> current) {
        Workflow wf = s.workflow();
        if (wf.budgetUsd() != null && s.costUsd() >= wf.budgetUsd()) {
            return new Pause(new BlockedReason(Codes.BUDGET,
                    String.format(Locale.ROOT, "Spent $%.2f of the $%.2f budget before %s of cycle %d.", s.costUsd(),
                            wf.budgetUsd(), kind.json(), target.cycle()),
                    "Approve more budget to continue, or cancel."));
        }
        List<String> free = candidates(s, modelPhase(kind, target)).stream().filter(m -> !coolingDown(s, m)).toList();
        if (free.isEmpty()) return allRateLimited(s, modelPhase(kind, target));
        return new Start(kind, target.phase(), target.cycle(), free.getFirst(), why);
    }

    private static Decision afterFailure(WorkflowState s, WorkflowStep last, List<WorkflowStep> current) {
        Target target = new Target(last.phase(), last.cycle());
        String what = last.kind().json() + (last.kind() == Phase.REPAIR ? " before " + last.phase().json() : "")
                + " of cycle " + last.cycle();
        if (last.kind() == Phase.FINALIZE) {
            return new Block(new BlockedReason(Codes.PUSH_FAILED, "Finalizing failed: " + last.message(),
                    "Fix the remote or gh (auth, network), then resume."));
        }
        if (WorkflowStep.CANCELLED.equals(last.status())) {
            return new Block(new BlockedReason(Codes.PHASE_CANCELLED, "The job of " + what + " was cancelled.",
                    "Resume to run it again, or cancel the workflow."));
        }
        FailureKind kind = last.failureKind();
        if (kind == FailureKind.RATE_LIMIT) {
            // The model that was just refused cools down, so start() picks the next candidate (or blocks).
            return start(s, last.kind(), target, "rate limited on " + last.model(), current);
        }
        if (kind != null && TRANSIENT.contains(kind)) {
            List<WorkflowStep> streak = transientStreak(current, last);
            int limit = s.policy().transientRetries();
            if (count(streak, last.model()) < limit) {
                return restartOn(s, last, target, last.model(), "transient " + kind.json() + ", again", current);
            }
            String alternate = alternateFor(s, last.model());
            if (alternate == null || count(streak, alternate) >= limit) {
                return new Block(new BlockedReason(Codes.PROVIDER_FAILURES,
                        "The " + what + " failed " + streak.size() + " times in a row (" + kind.json() + ": "
                                + last.message() + "), on " + last.model() + (alternate == null ? "" : " and on " + alternate) + ".",
                        "Check that the agent CLIs work (run one by hand), then resume."));
            }
            return restartOn(s, last, target, alternate, "switching provider after " + limit + " failures", current);
        }
        return new Block(new BlockedReason(Codes.PHASE_FAILED,
                "The " + what + " failed" + (kind == null ? "" : " (" + kind.json() + ")") + ": " + last.message(),
                "Read the job's output, fix the cause, then resume (optionally from another phase or cycle)."));
    }

    /** Starts the failed step's kind again on a given model, still behind the budget gate. */
    private static Decision restartOn(WorkflowState s, WorkflowStep last, Target target, String model, String why,
                                      List<WorkflowStep> current) {
        Decision d = start(s, last.kind(), target, why, current);
        return d instanceof Start st ? new Start(st.kind(), st.phase(), st.cycle(), model, why) : d;
    }

    /** Which role's model a step runs on: reviews on the reviewer's, everything else on the implementer's. */
    private static Phase modelPhase(Phase kind, Target target) {
        return kind == Phase.REVIEW ? Phase.REVIEW : Phase.IMPLEMENT;
    }

    /** The models a phase may run on, best first: the role's model, its 1M-context variant, then the fallbacks. */
    static List<String> candidates(WorkflowState s, Phase phase) {
        String primary = s.workflow().primaryModel(phase);
        Set<String> models = new LinkedHashSet<>();
        models.add(primary);
        if (primary.startsWith("claude") && !primary.endsWith("[1m]")) models.add(primary + "[1m]");
        models.addAll(s.policy().fallbackModels());
        return List.copyOf(models);
    }

    /** A model that hit a rate limit rests for the cool-down before it is tried again. */
    static boolean coolingDown(WorkflowState s, String model) {
        return s.steps().stream().anyMatch(st -> st.failureKind() == FailureKind.RATE_LIMIT && model.equals(st.model())
                && st.finishedAt() != null
                && st.finishedAt().toEpochMilli() + s.policy().rateLimitCooldownMillis() > s.nowMillis());
    }

    private static Decision allRateLimited(WorkflowState s, Phase phase) {
        List<String> models = candidates(s, phase);
        long until = s.steps().stream().filter(st -> st.failureKind() == FailureKind.RATE_LIMIT && st.finishedAt() != null)
                .mapToLong(st -> st.finishedAt().toEpochMilli() + s.policy().rateLimitCooldownMillis()).max().orElse(s.nowMillis());
        return new Block(new BlockedReason(Codes.MODELS_RATE_LIMITED,
                "Every candidate model for " + phase.json() + " is rate limited: " + String.join(", ", models) + ".",
                "Resume after " + Instant.ofEpochMilli(until) + ", when the first cool-down ends, or resume with other models."));
    }

    /** Claude falls back to a Codex model and Codex to a Claude model, preferring the workflow's own. */
    static String alternateFor(WorkflowState s, String model) {
        Workflow wf = s.workflow();
        boolean codex = model.startsWith("codex");
        for (String own : List.of(wf.implementerModel(), wf.reviewerModel())) {
            if (own.startsWith("codex") != codex) return own;
        }
        String other = codex ? s.policy().alternateClaudeModel() : s.policy().alternateCodexModel();
        return other == null || other.isBlank() ? null : other;
    }

    /** The failed attempts of the last step's target at the end of the list, each of a transient kind. */
    private static List<WorkflowStep> transientStreak(List<WorkflowStep> current, WorkflowStep last) {
        int i = current.size();
        while (i > 0) {
            WorkflowStep st = current.get(i - 1);
            if (st.kind() != last.kind() || st.phase() != last.phase() || st.cycle() != last.cycle()
                    || st.succeeded() || st.failureKind() == null || !TRANSIENT.contains(st.failureKind())) break;
            i--;
        }
        return current.subList(i, current.size());
    }

    private static int count(List<WorkflowStep> steps, String model) {
        return (int) steps.stream().filter(st -> model.equals(st.model())).count();
    }

    /** Succeeded implement steps at the end (since the last resume) that checked off nothing; progress resets it. */
    static int implementsWithoutProgress(List<WorkflowStep> current) {
        int idle = 0;
        for (WorkflowStep st : current.reversed()) {
            if (st.kind() != Phase.IMPLEMENT || !st.succeeded()) continue;
            int before = st.milestonesBefore() == null ? 0 : st.milestonesBefore();
            int after = st.milestonesAfter() == null ? 0 : st.milestonesAfter();
            if (after > before) break;
            idle++;
        }
        return idle;
    }

    private static BlockedReason missingArtifact(WorkflowState s) {
        Workflow wf = s.workflow();
        if (s.plan() == null || s.plan().isBlank()) {
            return new BlockedReason(Codes.PLAN_MISSING, "There is no plan: the note " + wf.planKey() + " is missing or empty.",
                    "Write the plan note (milestones as '- [ ] **M1: title** — criteria' lines) and resume.");
        }
        if (s.milestones().total() == 0) {
            return new BlockedReason(Codes.PLAN_EMPTY, "The plan note " + wf.planKey() + " has no milestone checkboxes.",
                    "Add milestones as '- [ ] **M1: title** — criteria' lines to the plan note and resume.");
        }
        if (s.contract() == null || s.contract().isBlank()) {
            return new BlockedReason(Codes.CONTRACT_MISSING, "The contract note " + wf.contractKey() + " is missing or empty.",
                    "Write the contract note (the rules every phase follows) and resume.");
        }
        return null;
    }

    private static List<WorkflowStep> sinceResume(WorkflowState s) {
        return s.steps().stream().filter(st -> st.seq() > s.workflow().resumeAfterSeq()).toList();
    }
}
