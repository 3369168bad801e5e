package dev.autodev.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autodev.agents.RunStatus;
import dev.autodev.jobs.JobStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The allowed moves, written out once more. Changing a lifecycle table without changing this list fails here, so
 * every new move is a deliberate decision (and needs a test of its own).
 */
class LifecycleTablesTest {

    @Test
    void jobMovesAreExactlyThese() {
        assertThat(moves(JobStatus.values())).containsExactlyInAnyOrder(
                "queued->running", "queued->failed", "queued->cancelled",
                "running->done", "running->failed", "running->cancelled", "running->queued",
                "done->running", "done->queued", "failed->running", "failed->queued",
                "cancelled->running", "cancelled->queued");
    }

    @Test
    void runMovesAreExactlyThese() {
        assertThat(moves(RunStatus.values())).containsExactlyInAnyOrder(
                "starting->running", "starting->failed", "starting->cancelled",
                "running->waiting_user", "running->done", "running->failed", "running->cancelled",
                "waiting_user->running", "waiting_user->done", "waiting_user->failed", "waiting_user->cancelled",
                "running->idle", "idle->running", "idle->done", "idle->failed", "idle->cancelled");
    }

    @Test
    void terminalStatesAreTheOnesPeopleRestartFrom() {
        assertThat(Arrays.stream(JobStatus.values()).filter(JobStatus::isTerminal))
                .containsExactly(JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED);
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal))
                .allMatch(s -> s.next().isEmpty());
    }

    private static <S extends Enum<S> & Lifecycle<S>> Set<String> moves(S[] states) {
        return Arrays.stream(states)
                .flatMap(from -> from.next().stream().map(to -> from.wireName() + "->" + to.wireName()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
