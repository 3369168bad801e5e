package dev.autodev.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The workflow lifecycle's allowed moves, written out once more, and the milestone parser. */
class WorkflowStatusTest {

    @Test
    void workflowMovesAreExactlyThese() {
        Set<String> moves = Arrays.stream(WorkflowStatus.values())
                .flatMap(from -> from.next().stream().map(to -> from.wireName() + "->" + to.wireName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(moves).containsExactlyInAnyOrder(
                "running->waiting_approval", "running->blocked", "running->done", "running->cancelled",
                "waiting_approval->running", "waiting_approval->cancelled", "blocked->running", "blocked->cancelled");
        assertThat(Arrays.stream(WorkflowStatus.values()).filter(WorkflowStatus::isTerminal))
                .containsExactly(WorkflowStatus.DONE, WorkflowStatus.CANCELLED).allMatch(s -> s.next().isEmpty());
    }

    @Test
    void milestonesAreTheCheckboxLinesOfThePlan() {
        Milestones m = Milestones.parse("""
                # Plan
                Some prose with [ ] brackets.
                - [x] **M1: parser** — parses input
                - [ ] **M2: printer** — prints output
                * [X] plain title without bold
                  - [ ] **M4: nested** — still counts
                """);
        assertThat(m.items()).extracting(Milestones.Milestone::title)
                .containsExactly("M1: parser", "M2: printer", "plain title without bold", "M4: nested");
        assertThat(m.done()).isEqualTo(2);
        assertThat(m.total()).isEqualTo(4);
        assertThat(m.allDone()).isFalse();
        assertThat(Milestones.parse(null).total()).isZero();
        assertThat(Milestones.parse("").allDone()).isFalse();
    }

    @Test
    void phasePromptsInlineNotesWithinTheCap() {
        Workflow wf = new Workflow("wf1", "Title", "Do it", WorkflowStatus.RUNNING, null, 0, "/tmp", "a", "b", 3, true,
                null, null, java.util.Map.of(), null, false, false, "/r", "/r/.orchestrator-workflows/wf1", "autodev/wf1", null,
                null, null, 0, null, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        var logs = java.util.List.of(
                new dev.autodev.notes.Note("workflow/wf1/worklog/cycle-1-review", "old review", null, java.time.Instant.EPOCH),
                new dev.autodev.notes.Note("workflow/wf1/worklog/cycle-1-implement", "x".repeat(100), null, java.time.Instant.EPOCH));
        String prompt = PhasePrompts.build(wf, new Decision.Start(Phase.IMPLEMENT, Phase.IMPLEMENT, 2, "a", "next"),
                "- [ ] **M1: a** — b", "contract text", logs, 100);
        assertThat(prompt.lines().toList().get(1)).isEqualTo("Phase: implement, cycle 2");
        assertThat(prompt).contains("Workflow id: wf1").contains("Work in: /r/.orchestrator-workflows/wf1 on branch autodev/wf1")
                .contains("- [ ] **M1: a** — b").contains("contract text").contains("[... cut at the context cap]")
                .doesNotContain("old review");
        assertThat(PhasePrompts.inlined(wf, "p".repeat(60_000), "c", logs, 50_000)).hasSizeLessThan(50_200);
    }
}
