package dev.autodev.debates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The debate's allowed moves, written out once more, so changing the table is a deliberate decision. */
class DebateStatusTest {

    @Test
    void debateMovesAreExactlyThese() {
        Set<String> moves = Arrays.stream(DebateStatus.values())
                .flatMap(from -> from.next().stream().map(to -> from.wireName() + "->" + to.wireName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(moves).containsExactlyInAnyOrder(
                "debating->acting", "debating->consensus", "debating->disagreement", "debating->failed",
                "debating->cancelled",
                "acting->debating", "acting->consensus", "acting->disagreement", "acting->failed", "acting->cancelled");
    }

    @Test
    void finishedDebatesGoNowhere() {
        assertThat(Arrays.stream(DebateStatus.values()).filter(DebateStatus::isTerminal))
                .containsExactly(DebateStatus.CONSENSUS, DebateStatus.DISAGREEMENT, DebateStatus.FAILED, DebateStatus.CANCELLED);
    }

    @Test
    void worktreeMovesAreExactlyThese() {
        Set<String> moves = Arrays.stream(WorktreeState.values())
                .flatMap(from -> from.next().stream().map(to -> from.wireName() + "->" + to.wireName()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(moves).containsExactlyInAnyOrder("none->open", "open->published", "open->removed", "published->removed");
        assertThat(Arrays.stream(WorktreeState.values()).filter(WorktreeState::holdsDirectory))
                .containsExactly(WorktreeState.OPEN, WorktreeState.PUBLISHED);
    }
}
