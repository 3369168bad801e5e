package dev.autodev.debates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.AgentRun;
import dev.autodev.agents.RunStatus;
import dev.autodev.debates.DebateDecisions.AskAgain;
import dev.autodev.debates.DebateDecisions.Finish;
import dev.autodev.debates.DebateDecisions.OpenWorktree;
import dev.autodev.debates.DebateDecisions.Publish;
import dev.autodev.debates.DebateDecisions.RemoveWorktree;
import dev.autodev.debates.DebateDecisions.StartJobs;
import dev.autodev.debates.DebateDecisions.Wait;
import dev.autodev.jobs.JobStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The debate's next step as a function of what is stored, without a server: each rule of the engine on its own. */
class DebateDecisionsTest {

    private static final List<Side> BOTH = List.of(Side.CLAUDE, Side.CODEX);
    private final List<StepState> steps = new ArrayList<>();

    @Test
    void aNewDebateStartsBothSidesOfRoundOne() {
        assertThat(next(aDebate(3))).isEqualTo(new StartJobs(1, Stage.TURN, 1, BOTH, null));
    }

    @Test
    void aSideThatAlreadyStartedIsNotStartedAgain() {
        turn(1, 1, Side.CLAUDE, JobStatus.RUNNING, null, "s1");
        assertThat(next(aDebate(3))).isEqualTo(new StartJobs(1, Stage.TURN, 1, List.of(Side.CODEX), null));
    }

    @Test
    void aVerdictCountsOnlyOnceItsJobIsOver() {
        turn(1, 1, Side.CLAUDE, JobStatus.RUNNING, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(aDebate(3))).isEqualTo(new Wait());
    }

    @Test
    void bothAgreeingEndsWithConsensus() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.DISAGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.PARTIAL, "s2");
        assertThat(next(aDebate(3))).isEqualTo(new StartJobs(1, Stage.TURN, 2, BOTH, null));
        turn(1, 2, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s3");
        turn(1, 2, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s4");
        assertThat(next(aDebate(3))).isInstanceOfSatisfying(Finish.class, f -> {
            assertThat(f.status()).isEqualTo(DebateStatus.CONSENSUS);
            assertThat(f.conclusion()).startsWith("Consensus: both sides agreed in round 2.");
        });
    }

    @Test
    void theLastRoundWithoutAgreementEndsInDisagreement() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.PARTIAL, "s2");
        assertThat(next(aDebate(1))).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.DISAGREEMENT));
    }

    @Test
    void aSideWithoutAVerdictIsAskedOnceThenCountsAsDisagreeing() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, null, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(aDebate(1))).isEqualTo(new AskAgain("job-1-1-claude", "run-job-1-1-claude-1"));

        // Marked as asked, but the server stopped before the follow-up run existed: ask (the same run) again.
        replaceClaude(JobStatus.DONE, "run-job-1-1-claude-1", 1);
        assertThat(next(aDebate(1))).isEqualTo(new AskAgain("job-1-1-claude", "run-job-1-1-claude-1"));

        replaceClaude(JobStatus.RUNNING, "run-job-1-1-claude-1", 2);
        assertThat(next(aDebate(1))).isEqualTo(new Wait());

        replaceClaude(JobStatus.DONE, "run-job-1-1-claude-1", 2);
        assertThat(next(aDebate(1))).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.DISAGREEMENT));
    }

    @Test
    void aCancelledSideIsNotAskedAgain() {
        turn(1, 1, Side.CLAUDE, JobStatus.CANCELLED, null, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(aDebate(1))).isInstanceOf(Finish.class);
    }

    @Test
    void thePostActionThenReviewThenRefinementsRunBeforeTheEnd() {
        Debate debate = aDebate(1, "Do it", true, 1, DebateStatus.DEBATING);
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(debate)).isEqualTo(new StartJobs(1, Stage.POST_ACTION, 0, List.of(Side.CODEX), DebateStatus.ACTING));

        Debate acting = aDebate(1, "Do it", true, 1, DebateStatus.ACTING);
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.RUNNING);
        assertThat(next(acting)).isEqualTo(new Wait());
        steps.removeLast();
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(acting)).isEqualTo(new StartJobs(1, Stage.REVIEW, 0, List.of(Side.CLAUDE), null));
        step(1, Stage.REVIEW, 0, Side.CLAUDE, JobStatus.DONE);
        assertThat(next(acting)).isEqualTo(new StartJobs(1, Stage.REFINE, 0, List.of(Side.CODEX), null));
        step(1, Stage.REFINE, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(acting)).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.CONSENSUS));
    }

    @Test
    void aFailedPostActionFailsTheDebate() {
        Debate acting = aDebate(1, "Do it", false, 1, DebateStatus.ACTING);
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.FAILED);
        assertThat(next(acting)).isInstanceOfSatisfying(Finish.class, f -> {
            assertThat(f.status()).isEqualTo(DebateStatus.FAILED);
            assertThat(f.reason()).isEqualTo("post-action job failed in loop 1");
        });
    }

    @Test
    void aFinishedLoopStartsTheNextUntilTheLoopCountIsReached() {
        Debate acting = aDebate(1, "Do it", false, 2, DebateStatus.ACTING);
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.DISAGREE, "s2");
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(acting)).isEqualTo(new StartJobs(2, Stage.TURN, 1, BOTH, DebateStatus.DEBATING));
        turn(2, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s3");
        turn(2, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s4");
        step(2, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(acting)).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.CONSENSUS));
    }

    @Test
    void aFinishedDebateWaitsForever() {
        assertThat(next(aDebate(1, null, false, 1, DebateStatus.CANCELLED))).isEqualTo(new Wait());
    }

    @Test
    void actingInAWorktreeOpensItOnceBeforeThePostAction() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(inWorktree(DebateStatus.DEBATING, WorktreeState.NONE))).isEqualTo(new OpenWorktree());
        // Its place is stored: the post-action starts, and a restart does not open a second one.
        assertThat(next(inWorktree(DebateStatus.DEBATING, WorktreeState.OPEN)))
                .isEqualTo(new StartJobs(1, Stage.POST_ACTION, 0, List.of(Side.CODEX), DebateStatus.ACTING));
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(inWorktree(DebateStatus.ACTING, WorktreeState.OPEN)))
                .isEqualTo(new StartJobs(1, Stage.REVIEW, 0, List.of(Side.CLAUDE), null));
    }

    @Test
    void turnsAloneNeverOpenAWorktree() {
        Instant now = Instant.EPOCH;
        Debate noAction = new Debate("d1", "task", "claude-sonnet-4-6", "codex", 1, null, "/tmp", null, Side.CODEX,
                false, 1, null, DebateStatus.DEBATING, null, null, true, null, null, null, null, null, WorktreeState.NONE, now, now);
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        assertThat(next(noAction)).isInstanceOf(Finish.class);
    }

    @Test
    void anActingChainThatEndsDoneIsPublishedBeforeTheDebateEnds() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.DONE);
        step(1, Stage.REVIEW, 0, Side.CLAUDE, JobStatus.DONE);
        step(1, Stage.REFINE, 0, Side.CODEX, JobStatus.DONE);
        assertThat(next(inWorktree(DebateStatus.ACTING, WorktreeState.OPEN))).isInstanceOfSatisfying(Publish.class,
                p -> assertThat(p.finish().status()).isEqualTo(DebateStatus.CONSENSUS));
        assertThat(next(inWorktree(DebateStatus.ACTING, WorktreeState.PUBLISHED))).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.CONSENSUS));
        assertThat(next(inWorktree(DebateStatus.CONSENSUS, WorktreeState.PUBLISHED)))
                .isEqualTo(new RemoveWorktree(WorktreeState.PUBLISHED));
        assertThat(next(inWorktree(DebateStatus.CONSENSUS, WorktreeState.REMOVED))).isEqualTo(new Wait());
    }

    @Test
    void aFailedPostActionIsNotPublishedAndItsWorktreeIsRemoved() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.FAILED);
        assertThat(next(inWorktree(DebateStatus.ACTING, WorktreeState.OPEN))).isInstanceOfSatisfying(Finish.class,
                f -> assertThat(f.status()).isEqualTo(DebateStatus.FAILED));
        assertThat(next(inWorktree(DebateStatus.FAILED, WorktreeState.OPEN))).isEqualTo(new RemoveWorktree(WorktreeState.OPEN));
    }

    @Test
    void aCancelledDebateRemovesItsWorktreeOnlyOnceItsJobsHaveStopped() {
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.AGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.AGREE, "s2");
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.RUNNING);
        assertThat(next(inWorktree(DebateStatus.CANCELLED, WorktreeState.OPEN))).isEqualTo(new Wait());
        steps.removeLast();
        step(1, Stage.POST_ACTION, 0, Side.CODEX, JobStatus.CANCELLED);
        assertThat(next(inWorktree(DebateStatus.CANCELLED, WorktreeState.OPEN))).isEqualTo(new RemoveWorktree(WorktreeState.OPEN));
    }

    private static Debate inWorktree(DebateStatus status, WorktreeState worktree) {
        Instant now = Instant.EPOCH;
        boolean placed = worktree != WorktreeState.NONE;
        return new Debate("d1", "task", "claude-sonnet-4-6", "codex", 1, null, "/tmp", "Do it", Side.CODEX, true, 1,
                null, status, null, null, true, placed ? "/tmp" : null, placed ? "/tmp/.orchestrator-workflows/debate-d1" : null,
                placed ? "autodev/debate-d1-task" : null, placed ? "abc" : null, null, worktree, now, now);
    }

    private DebateDecisions.Next next(Debate debate) {
        return DebateDecisions.next(debate, List.copyOf(steps));
    }

    private static Debate aDebate(int maxRounds) {
        return aDebate(maxRounds, null, false, 1, DebateStatus.DEBATING);
    }

    private static Debate aDebate(int maxRounds, String postAction, boolean verification, int loops, DebateStatus status) {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new Debate("d1", "task", "claude-sonnet-4-6", "codex", maxRounds, null, "/tmp", postAction, Side.CODEX,
                verification, loops, null, status, null, null, false, null, null, null, null, null, WorktreeState.NONE, now, now);
    }

    private void turn(int loop, int round, Side side, JobStatus status, Verdict verdict, String session) {
        String jobId = "job-" + loop + "-" + round + "-" + side.wireName();
        steps.add(new StepState(new DebateJob("d1", loop, Stage.TURN, round, side, jobId, verdict,
                verdict == null ? null : "position " + jobId, null, Instant.EPOCH), status, List.of(run(jobId, 1, session))));
    }

    @Test
    void aSideWhoseTurnFailedEndsTheDebateWithItsErrorInsteadOfBeingAskedAgain() {
        String jobId = "job-1-2-codex";
        turn(1, 1, Side.CLAUDE, JobStatus.DONE, Verdict.DISAGREE, "s1");
        turn(1, 1, Side.CODEX, JobStatus.DONE, Verdict.PARTIAL, "s2");
        turn(1, 2, Side.CLAUDE, JobStatus.RUNNING, null, "s3");
        AgentRun failed = new AgentRun("run-" + jobId, jobId, RunStatus.FAILED, "codex", "m", null, "s4", null, null,
                Instant.EPOCH, null, null, null, 0, 0, false, 0, 0, null, "cannot run codex: No such file or directory",
                null, null, null, null, null);
        steps.add(new StepState(new DebateJob("d1", 1, Stage.TURN, 2, Side.CODEX, jobId, null, null, null, Instant.EPOCH),
                JobStatus.FAILED, List.of(failed)));

        assertThat(next(aDebate(3))).isEqualTo(new Finish(DebateStatus.FAILED,
                "codex's turn failed in round 2 of loop 1: cannot run codex: No such file or directory", null));
    }

    private void step(int loop, Stage stage, int round, Side side, JobStatus status) {
        String jobId = "job-" + loop + "-" + stage.wireName() + "-" + side.wireName();
        steps.add(new StepState(new DebateJob("d1", loop, stage, round, side, jobId, null, null, null, Instant.EPOCH),
                status, List.of(run(jobId, 1, "s"))));
    }

    /** Replaces round 1's Claude turn: asked again as {@code askedRun}, with {@code runCount} runs so far. */
    private void replaceClaude(JobStatus status, String askedRun, int runCount) {
        String jobId = "job-1-1-claude";
        steps.removeIf(s -> s.step().jobId().equals(jobId));
        List<AgentRun> runs = new ArrayList<>();
        for (int i = 1; i <= runCount; i++) runs.add(run(jobId, i, "s1"));
        steps.add(new StepState(new DebateJob("d1", 1, Stage.TURN, 1, Side.CLAUDE, jobId, null, null, askedRun,
                Instant.EPOCH), status, runs));
    }

    private static AgentRun run(String jobId, int n, String session) {
        return new AgentRun("run-" + jobId + "-" + n, jobId, RunStatus.DONE, "claude", "m", null, session, null, null,
                Instant.EPOCH, null, null, null, 1, 0.01, false, 0, 0, "answer of " + jobId, null, 0, null, null, null, null);
    }
}
