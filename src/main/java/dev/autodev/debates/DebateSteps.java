package dev.autodev.debates;

import dev.autodev.common.ApiException;
import dev.autodev.debates.DebateDecisions.AskAgain;
import dev.autodev.debates.DebateDecisions.Finish;
import dev.autodev.debates.DebateDecisions.StartJobs;
import dev.autodev.jobs.Job;
import dev.autodev.jobs.JobService;
import dev.autodev.jobs.NewJob;
import dev.autodev.queue.JobActions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The side effects of a debate, each recorded in the same transaction as the change it stands for, and each done
 * only if the debate is still where the decision saw it: a debate cancelled or moved on meanwhile is left alone.
 */
@Component
class DebateSteps {

    private static final Logger log = LoggerFactory.getLogger(DebateSteps.class);
    /** Stored as the asked-again run when the follow-up could not be started: the side then counts as disagreeing. */
    static final String FOLLOW_UP_REFUSED = "refused";

    private final DebateRepository debates;
    private final DebateLifecycle lifecycle;
    private final DebatePrompts prompts;
    private final JobService jobs;
    private final JobActions actions;
    private final TransactionTemplate tx;
    private final Clock clock;

    DebateSteps(DebateRepository debates, DebateLifecycle lifecycle, DebatePrompts prompts, JobService jobs,
                JobActions actions, TransactionTemplate tx, Clock clock) {
        this.debates = debates;
        this.lifecycle = lifecycle;
        this.prompts = prompts;
        this.jobs = jobs;
        this.actions = actions;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates one job per side and its debate row together; a unique key per place makes a second try fail whole. */
    boolean startJobs(DebateStates.State state, StartJobs start) {
        Debate debate = state.debate();
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!stillAt(debate)) return false;
            if (start.moveTo() != null) lifecycle.move(debate.id(), debate.status(), start.moveTo(), movedBecause(start), null);
            for (Side side : start.sides()) {
                String prompt = prompt(state, start, side);
                // The template's guidelines shape each side's answer; acting on the conclusion is its own task.
                String templateId = start.stage() == Stage.TURN ? debate.templateId() : null;
                // The turns only analyse, in the work dir; acting happens in the debate's worktree when it has one.
                String dir = start.stage() == Stage.TURN ? debate.workDir() : debate.actingDir();
                Job job = jobs.create(new NewJob(prompt, prompts.title(debate, start.loop(), start.stage(), start.round(), side),
                        null, debate.model(side), dir, null, null, null, null, null, null, null, null,
                        null, null, null, templateId, debate.projectId(), null));
                debates.insertJob(new DebateJob(debate.id(), start.loop(), start.stage(), start.round(), side, job.id(),
                        null, null, null, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            }
            lifecycle.touched(debate);
            return true;
        }));
    }

    /** Records that the side is asked again, then continues its run with the question; done at most once per turn. */
    boolean askAgain(Debate debate, AskAgain ask) {
        Boolean recorded = tx.execute(s -> {
            if (!stillAt(debate)) return false;
            debates.askedAgain(ask.jobId(), ask.runId());
            lifecycle.touched(debate);
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) return false;
        try {
            actions.continueRun(ask.runId(), DebatePrompts.ASK_AGAIN);
        } catch (ApiException refused) {
            log.warn("debate {}: could not ask job {} again ({}); it counts as disagreeing", debate.id(), ask.jobId(),
                    refused.getMessage());
            tx.executeWithoutResult(s -> debates.askedAgain(ask.jobId(), FOLLOW_UP_REFUSED));
            return true;
        }
        // Cancelled while the follow-up was being started: stop it too.
        if (debates.find(debate.id()).map(d -> d.status() == DebateStatus.CANCELLED).orElse(false)) {
            cancelQuietly(ask.jobId());
        }
        return true;
    }

    boolean finish(Debate debate, Finish finish) {
        return Boolean.TRUE.equals(tx.execute(s -> stillAt(debate)
                && lifecycle.move(debate.id(), debate.status(), finish.status(), finish.reason(), finish.conclusion())));
    }

    /** Records the pull request (null: none, nothing changed) of a debate just published; the next decision finishes it. */
    boolean published(Debate debate, String prUrl) {
        return Boolean.TRUE.equals(tx.execute(s -> stillAt(debate)
                && lifecycle.moveWorktree(debate, WorktreeState.OPEN, WorktreeState.PUBLISHED, prUrl,
                prUrl == null ? "nothing to propose: the acting changed nothing" : "pushed; " + prUrl)));
    }

    boolean worktreeRemoved(Debate debate, WorktreeState from, String reason) {
        return Boolean.TRUE.equals(tx.execute(s -> lifecycle.moveWorktree(debate, from, WorktreeState.REMOVED, null, reason)));
    }

    /** Stops the jobs among {@code steps} that are still queued or running. */
    void cancelUnfinished(List<StepState> steps) {
        for (StepState step : steps) {
            if (!step.finished()) cancelQuietly(step.step().jobId());
        }
    }

    void cancelQuietly(String jobId) {
        try {
            actions.cancelJob(jobId);
        } catch (ApiException alreadyOver) {
            // Finished on its own meanwhile: nothing to stop.
        }
    }

    private boolean stillAt(Debate seen) {
        return debates.findForUpdate(seen.id()).map(now -> now.status() == seen.status()).orElse(false);
    }

    private String prompt(DebateStates.State state, StartJobs start, Side side) {
        Debate debate = state.debate();
        List<StepState> ofLoop = state.steps().stream().filter(s -> s.step().loop() == start.loop()).toList();
        String conclusion = DebateDecisions.loopResult(debate, start.loop(), ofLoop).conclusion();
        return switch (start.stage()) {
            case TURN -> prompts.turn(debate, start.loop(), start.round(), side, state.steps());
            case POST_ACTION -> prompts.postAction(debate, conclusion, side);
            case REVIEW -> prompts.review(debate, conclusion, side.other(), stage(ofLoop, Stage.POST_ACTION));
            case REFINE -> prompts.refine(debate, side.other(), stage(ofLoop, Stage.POST_ACTION), stage(ofLoop, Stage.REVIEW));
        };
    }

    private static StepState stage(List<StepState> ofLoop, Stage stage) {
        return ofLoop.stream().filter(s -> s.step().stage() == stage).findFirst().orElseThrow();
    }

    private static String movedBecause(StartJobs start) {
        return start.stage() == Stage.TURN ? "loop " + start.loop() + " begins" : "loop " + start.loop() + " acts on its conclusion";
    }
}
