package dev.autodev.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitForGraphTest {

    @Test
    void twoRunsWaitingForEachOtherFormACycle() {
        var edges = Map.of("a", Set.of("b"), "b", Set.of("a"));

        assertThat(WaitForGraph.cycleThrough("b", edges)).contains(List.of("b", "a", "b"));
    }

    @Test
    void aChainThatEndsInARunNotWaitingIsNoCycle() {
        var edges = Map.of("a", Set.of("b"), "b", Set.of("c"));

        assertThat(WaitForGraph.cycleThrough("a", edges)).isEmpty();
    }

    @Test
    void aCycleElsewhereDoesNotConcernARunOutsideIt() {
        var edges = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("b"));

        assertThat(WaitForGraph.cycleThrough("a", edges)).isEmpty();
        assertThat(WaitForGraph.cycleThrough("b", edges)).contains(List.of("b", "c", "b"));
    }

    @Test
    void aCycleIsFoundThroughAnyOfSeveralBlockers() {
        Map<String, Set<String>> edges = Map.of("a", Set.of("x", "y"), "x", Set.of(), "y", Set.of("z"), "z", Set.of("a"));

        assertThat(WaitForGraph.cycleThrough("a", edges)).contains(List.of("a", "y", "z", "a"));
    }
}
