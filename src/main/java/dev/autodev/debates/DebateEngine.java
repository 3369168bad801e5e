package dev.autodev.debates;

import dev.autodev.common.ApiException;
import dev.autodev.common.BackgroundLoop;
import dev.autodev.debates.DebateDecisions.AskAgain;
import dev.autodev.debates.DebateDecisions.Finish;
import dev.autodev.debates.DebateDecisions.Next;
import dev.autodev.debates.DebateDecisions.OpenWorktree;
import dev.autodev.debates.DebateDecisions.Publish;
import dev.autodev.debates.DebateDecisions.RemoveWorktree;
import dev.autodev.debates.DebateDecisions.StartJobs;
import dev.autodev.debates.DebateDecisions.Wait;
import dev.autodev.jobs.JobChanged;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves debates forward. One thread asks {@link DebateDecisions} what each active debate needs next, given what is
 * stored, and has {@link DebateSteps} carry it out: a job is created in the same transaction that records it in the
 * debate, so a restart at any point finds each side either started or not, never twice. Job changes wake it; a
 * periodic sweep backs the events up, and starting the server is one more wake-up, which resumes debates mid-round.
 * A debate that acts in a worktree of its own has {@link DebateWorktrees} open, publish and remove it, each step
 * recorded as the worktree's state, so a restart neither makes a second worktree nor publishes twice.
 */
@Component
class DebateEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DebateEngine.class);
    /** More steps than one debate can take at once; a bound in case a step ever fails to change what is stored. */
    private static final int MAX_STEPS_PER_PASS = 20;

    private final DebateRepository debates;
    private final DebateStates states;
    private final DebateSteps steps;
    private final DebateWorktrees worktrees;
    private final BackgroundLoop loop = new BackgroundLoop("debates", log,
            "debate pass failed; the next signal or sweep retries", this::passOnce);

    DebateEngine(DebateRepository debates, DebateStates states, DebateSteps steps, DebateWorktrees worktrees) {
        this.debates = debates;
        this.states = states;
        this.steps = steps;
        this.worktrees = worktrees;
    }

    void signal() {
        loop.signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(JobChanged event) {
        if (event.status().isTerminal()) signal();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DebateChanged event) {
        signal();
    }

    @Scheduled(fixedDelayString = "${autodev.debates.sweep-interval:2s}")
    void sweep() {
        signal();
    }

    /** One pass over the active debates; each one is taken as far as it can go now. */
    void passOnce() {
        for (Debate debate : debates.active()) {
            try {
                advance(debate.id());
            } catch (Exception e) {
                log.error("debate {} could not move on; the next pass tries again", debate.id(), e);
            }
        }
    }

    /** Ends the debate; a side still running when the other's failure ended it is stopped, as nothing will read it. */
    private boolean finish(DebateStates.State state, Finish finish) {
        if (!steps.finish(state.debate(), finish)) return false;
        steps.cancelUnfinished(state.steps());
        return true;
    }

    private void advance(String id) {
        for (int i = 0; i < MAX_STEPS_PER_PASS; i++) {
            DebateStates.State state = states.load(id);
            Next next = DebateDecisions.next(state.debate(), state.steps());
            boolean moved = switch (next) {
                case Wait w -> false;
                case StartJobs start -> startJobs(state, start);
                case AskAgain ask -> steps.askAgain(state.debate(), ask);
                case Finish finish -> finish(state, finish);
                case OpenWorktree open -> openWorktree(state.debate());
                case Publish publish -> publish(state.debate(), publish);
                case RemoveWorktree remove -> removeWorktree(state.debate(), remove);
            };
            if (!moved) return;
        }
    }

    private boolean startJobs(DebateStates.State state, StartJobs start) {
        Debate debate = state.debate();
        if (start.stage() != Stage.TURN && debate.actsInWorktree()) {
            try {
                // Its directory may have gone while the server was away (or git stopped half-way): check it out again.
                worktrees.ensure(debate);
            } catch (IOException e) {
                return steps.finish(debate, new Finish(DebateStatus.FAILED, "the debate's worktree is not usable: "
                        + e.getMessage(), null));
            }
        }
        try {
            return steps.startJobs(state, start);
        } catch (ApiException refused) {
            // A job the debate needs cannot be created (its work dir is gone, say): it cannot go on.
            return steps.finish(state.debate(), new Finish(DebateStatus.FAILED,
                    "could not start a job: " + refused.getMessage(), null));
        }
    }

    private boolean openWorktree(Debate debate) {
        try {
            worktrees.open(debate);
            return true;
        } catch (IOException e) {
            return steps.finish(debate, new Finish(DebateStatus.FAILED, "could not create the debate's worktree: "
                    + e.getMessage(), null));
        }
    }

    private boolean publish(Debate debate, Publish publish) {
        try {
            String prUrl = worktrees.publish(debate, publish.finish().conclusion());
            return steps.published(debate, prUrl);
        } catch (IOException e) {
            log.warn("debate {}: publishing its branch failed: {}", debate.id(), e.getMessage());
            return steps.finish(debate, new Finish(DebateStatus.FAILED, "publishing the branch failed: " + e.getMessage(),
                    publish.finish().conclusion()));
        }
    }

    /** Removes the directory; the state moves on even when git refused, so a stuck worktree is not retried forever. */
    private boolean removeWorktree(Debate debate, RemoveWorktree remove) {
        Optional<String> problem = worktrees.remove(debate);
        return steps.worktreeRemoved(debate, remove.from(), problem.map(p -> "could not remove: " + p)
                .orElse("debate " + debate.status().wireName()));
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
