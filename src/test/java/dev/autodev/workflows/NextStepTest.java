package dev.autodev.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.FailureKind;
import dev.autodev.workflows.BlockedReason.Codes;
import dev.autodev.workflows.Decision.Block;
import dev.autodev.workflows.Decision.Finalize;
import dev.autodev.workflows.Decision.Pause;
import dev.autodev.workflows.Decision.Start;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision function over hand-made stored states: each path of the lifecycle and of self-healing. */
class NextStepTest {

    static final String PLAN_OPEN = "- [ ] **M1: one** — a\n- [ ] **M2: two** — b\n";
    static final String PLAN_ONE_DONE = "- [x] **M1: one** — a\n- [ ] **M2: two** — b\n";
    static final String PLAN_DONE = "- [x] **M1: one** — a\n- [x] **M2: two** — b\n";
    static final long NOW = 1_000_000_000L;

    private final List<WorkflowStep> steps = new ArrayList<>();
    private Workflow wf = workflow(3, null, false, false, 0, null, null);
    private String plan = PLAN_OPEN;
    private String contract = "rules";
    private double cost = 0;

    @Test
    void aNewWorkflowAssessesOnTheImplementersModel() {
        plan = null;
        contract = null;
        assertThat(decide()).isEqualTo(new Start(Phase.ASSESS, Phase.ASSESS, 0, "claude-sonnet-4-6", "next phase"));
    }

    @Test
    void aRunningStepIsWaitedFor() {
        step(Phase.ASSESS, 0, "claude-sonnet-4-6", WorkflowStep.STARTED, null, null, null);
        assertThat(decide()).isInstanceOf(Decision.Wait.class);
    }

    @Test
    void afterAssessTheReviewerValidatesThePlanInCycleOne() {
        done(Phase.ASSESS, 0);
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 1, "codex", "next phase"));
    }

    @Test
    void reviewIsFollowedByImplementOfTheSameCycleAndImplementByTheNextReview() {
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        assertThat(decide()).isEqualTo(new Start(Phase.IMPLEMENT, Phase.IMPLEMENT, 1, "claude-sonnet-4-6", "next phase"));
        implement(1, 0, 1);
        plan = PLAN_ONE_DONE;
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 2, "codex", "next phase"));
    }

    @Test
    void allMilestonesCheckedFinalizesAndAFinishedFinalizeCompletes() {
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        implement(1, 0, 2);
        plan = PLAN_DONE;
        assertThat(decide()).isEqualTo(new Finalize(false));
        step(Phase.FINALIZE, 1, null, WorkflowStep.STARTED, null, null, null);
        assertThat(decide()).isEqualTo(new Finalize(false));
        steps.set(steps.size() - 1, settle(steps.getLast(), WorkflowStep.DONE, null));
        assertThat(decide()).isInstanceOf(Decision.Complete.class);
    }

    @Test
    void maxCyclesWithMilestonesLeftFinalizesAsPartial() {
        wf = workflow(1, null, false, false, 0, null, null);
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        implement(1, 0, 1);
        plan = PLAN_ONE_DONE;
        assertThat(decide()).isEqualTo(new Finalize(true));
    }

    @Test
    void aMissingPlanGetsTwoRepairsThenBlocks() {
        plan = null;
        done(Phase.ASSESS, 0);
        assertThat(decide()).isEqualTo(new Start(Phase.REPAIR, Phase.REVIEW, 1, "claude-sonnet-4-6", "repair: plan_missing"));
        done(Phase.REPAIR, Phase.REVIEW, 1);
        assertThat(decide()).isInstanceOf(Start.class);
        done(Phase.REPAIR, Phase.REVIEW, 1);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.PLAN_MISSING);
    }

    @Test
    void aPlanWithoutCheckboxesIsEmptyAndAMissingContractIsRepairedToo() {
        plan = "just prose";
        done(Phase.ASSESS, 0);
        assertThat(((Start) decide()).why()).isEqualTo("repair: plan_empty");
        plan = PLAN_OPEN;
        contract = null;
        assertThat(((Start) decide()).why()).isEqualTo("repair: contract_missing");
    }

    @Test
    void aRepairThatWorkedContinuesWithThePhaseItPrepared() {
        done(Phase.ASSESS, 0);
        done(Phase.REPAIR, Phase.REVIEW, 1);
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 1, "codex", "next phase"));
    }

    @Test
    void twoImplementCyclesWithoutProgressBlockAndProgressResetsTheCount() {
        wf = workflow(10, null, false, false, 0, null, null);
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        implement(1, 0, 0);
        done(Phase.REVIEW, 2);
        implement(2, 0, 1);
        plan = PLAN_ONE_DONE;
        done(Phase.REVIEW, 3);
        implement(3, 1, 1);
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 4, "codex", "next phase"));
        done(Phase.REVIEW, 4);
        implement(4, 1, 1);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.ZERO_PROGRESS);
    }

    @Test
    void resumeClearsTheNoProgressCount() {
        wf = workflow(10, null, false, false, 0, null, null);
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        implement(1, 0, 0);
        done(Phase.REVIEW, 2);
        implement(2, 0, 0);
        wf = workflow(10, null, false, false, steps.getLast().seq(), null, null);
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 3, "codex", "next phase"));
    }

    @Test
    void aRateLimitedModelRotatesToThe1mVariantThenTheFallbacksThenBlocks() {
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        failed(Phase.IMPLEMENT, 1, "claude-sonnet-4-6", FailureKind.RATE_LIMIT);
        assertThat(((Start) decide()).model()).isEqualTo("claude-sonnet-4-6[1m]");
        failed(Phase.IMPLEMENT, 1, "claude-sonnet-4-6[1m]", FailureKind.RATE_LIMIT);
        assertThat(((Start) decide()).model()).isEqualTo("claude-opus-4-7");
        failed(Phase.IMPLEMENT, 1, "claude-opus-4-7", FailureKind.RATE_LIMIT);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.MODELS_RATE_LIMITED);
    }

    @Test
    void reviewPhasesRotateFromTheReviewerModel() {
        done(Phase.ASSESS, 0);
        failed(Phase.REVIEW, 1, "codex", FailureKind.RATE_LIMIT);
        assertThat(((Start) decide()).model()).isEqualTo("claude-opus-4-7");
    }

    @Test
    void aCooledDownModelIsTriedAgain() {
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        failed(Phase.IMPLEMENT, 1, "claude-sonnet-4-6", FailureKind.RATE_LIMIT);
        steps.set(steps.size() - 1, at(steps.getLast(), NOW - 11 * 60_000));
        assertThat(((Start) decide()).model()).isEqualTo("claude-sonnet-4-6");
    }

    @Test
    void threeTransientFailuresSwitchToTheOtherProviderAndThreeMoreBlock() {
        done(Phase.ASSESS, 0);
        done(Phase.REVIEW, 1);
        for (int i = 0; i < 2; i++) {
            failed(Phase.IMPLEMENT, 1, "claude-sonnet-4-6", FailureKind.CLI_CRASH);
            assertThat(((Start) decide()).model()).isEqualTo("claude-sonnet-4-6");
        }
        failed(Phase.IMPLEMENT, 1, "claude-sonnet-4-6", FailureKind.CLI_CRASH);
        assertThat(((Start) decide()).model()).isEqualTo("codex");
        for (int i = 0; i < 3; i++) failed(Phase.IMPLEMENT, 1, "codex", FailureKind.OVERLOADED);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.PROVIDER_FAILURES);
    }

    @Test
    void otherFailuresAndCancelledJobsBlock() {
        done(Phase.ASSESS, 0);
        failed(Phase.REVIEW, 1, "codex", FailureKind.AUTH);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.PHASE_FAILED);
        step(Phase.REVIEW, 1, "codex", WorkflowStep.CANCELLED, FailureKind.CANCELLED, null, null);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.PHASE_CANCELLED);
    }

    @Test
    void theBudgetPausesBeforeTheNextPhase() {
        wf = workflow(3, 1.0, false, false, 0, null, null);
        done(Phase.ASSESS, 0);
        cost = 1.2;
        Pause pause = (Pause) decide();
        assertThat(pause.reason().code()).isEqualTo(Codes.BUDGET);
        assertThat(pause.reason().message()).contains("$1.20 of the $1.00");
        wf = workflow(3, 2.0, false, false, 0, null, null);
        assertThat(decide()).isInstanceOf(Start.class);
    }

    @Test
    void approvePlanWaitsAfterAssessUntilApproved() {
        wf = workflow(3, null, true, false, 0, null, null);
        done(Phase.ASSESS, 0);
        assertThat(((Pause) decide()).reason().code()).isEqualTo(Codes.PLAN_APPROVAL);
        wf = workflow(3, null, true, true, 0, null, null);
        assertThat(decide()).isEqualTo(new Start(Phase.REVIEW, Phase.REVIEW, 1, "codex", "next phase"));
    }

    @Test
    void resumeFromAGivenPhaseAndCycleStartsThere() {
        done(Phase.ASSESS, 0);
        failed(Phase.REVIEW, 1, "codex", FailureKind.AUTH);
        wf = workflow(3, null, false, false, steps.getLast().seq(), Phase.IMPLEMENT, 2);
        assertThat(decide()).isEqualTo(new Start(Phase.IMPLEMENT, Phase.IMPLEMENT, 2, "claude-sonnet-4-6", "next phase"));
    }

    @Test
    void aFailedFinalizeBlocksAsPushFailed() {
        plan = PLAN_DONE;
        done(Phase.ASSESS, 0);
        step(Phase.FINALIZE, 0, null, WorkflowStep.FAILED, null, null, null);
        assertThat(((Block) decide()).reason().code()).isEqualTo(Codes.PUSH_FAILED);
    }

    @Test
    void nothingHappensUnlessRunning() {
        wf = new Workflow("wf", "t", "task", WorkflowStatus.BLOCKED, null, 0, "/tmp", "claude-sonnet-4-6", "codex", 3,
                true, null, null, Map.of(), null, false, false, null, null, null, null, null, null, 0, null, null,
                Instant.EPOCH, Instant.EPOCH);
        assertThat(decide()).isInstanceOf(Decision.Wait.class);
    }

    // --- builders

    private Decision decide() {
        var policy = new WorkflowState.Policy(2, 2, 3, 10 * 60_000, List.of("claude-opus-4-7"), "claude-sonnet-4-6", "codex");
        return NextStep.decide(new WorkflowState(wf, steps, plan, contract, cost, NOW, policy));
    }

    private static Workflow workflow(int maxCycles, Double budget, boolean approvePlan, boolean approved, int resumeAfter,
                                     Phase resumePhase, Integer resumeCycle) {
        return new Workflow("wf", "t", "task", WorkflowStatus.RUNNING, null, 0, "/tmp", "claude-sonnet-4-6", "codex",
                maxCycles, true, null, null, Map.of(), budget, approvePlan, approved, null, null, null, null, null, null,
                resumeAfter, resumePhase, resumeCycle, Instant.EPOCH, Instant.EPOCH);
    }

    private void done(Phase phase, int cycle) {
        step(phase, cycle, wf.primaryModel(phase), WorkflowStep.DONE, null, null, null);
    }

    private void done(Phase kind, Phase phase, int cycle) {
        steps.add(new WorkflowStep("wf", steps.size() + 1, kind, phase, cycle, "claude-sonnet-4-6", "job", WorkflowStep.DONE,
                null, null, null, null, Instant.ofEpochMilli(NOW), Instant.ofEpochMilli(NOW)));
    }

    private void implement(int cycle, int before, int after) {
        step(Phase.IMPLEMENT, cycle, "claude-sonnet-4-6", WorkflowStep.DONE, null, before, after);
    }

    private void failed(Phase phase, int cycle, String model, FailureKind kind) {
        step(phase, cycle, model, WorkflowStep.FAILED, kind, null, null);
    }

    private void step(Phase phase, int cycle, String model, String status, FailureKind kind, Integer before, Integer after) {
        steps.add(new WorkflowStep("wf", steps.size() + 1, phase, phase, cycle, model, "job-" + steps.size(), status, kind,
                "scripted", before, after, Instant.ofEpochMilli(NOW), status.equals(WorkflowStep.STARTED) ? null : Instant.ofEpochMilli(NOW)));
    }

    private static WorkflowStep settle(WorkflowStep s, String status, FailureKind kind) {
        return new WorkflowStep(s.workflowId(), s.seq(), s.kind(), s.phase(), s.cycle(), s.model(), s.jobId(), status, kind,
                s.message(), s.milestonesBefore(), s.milestonesAfter(), s.createdAt(), Instant.ofEpochMilli(NOW));
    }

    private static WorkflowStep at(WorkflowStep s, long finishedAt) {
        return new WorkflowStep(s.workflowId(), s.seq(), s.kind(), s.phase(), s.cycle(), s.model(), s.jobId(), s.status(),
                s.failureKind(), s.message(), s.milestonesBefore(), s.milestonesAfter(), s.createdAt(), Instant.ofEpochMilli(finishedAt));
    }
}
