package dev.autodev.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How triage reads a loose answer: a line per learning number, the first decision word on it. */
class TriageDecisionsTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void eachNumberedLineDecidesItsLearning() {
        var candidates = List.of(candidate("a", entry("e1"), entry("e2")), candidate("b"), candidate("c", entry("e3")));
        Map<Integer, TriageDecisions.Decision> d = TriageDecisions.parse("""
                Here you go:
                1. Duplicate of K2 — the same port advice
                **2: global** - holds anywhere
                3) discard: just a summary
                4: project - there is no fourth
                """, candidates);

        assertThat(d.get(1)).isEqualTo(new TriageDecisions.Decision("duplicate", "e2", "the same port advice"));
        assertThat(d.get(2).verdict()).isEqualTo("global");
        assertThat(d.get(3).verdict()).isEqualTo("discard");
        assertThat(d).doesNotContainKey(4);
    }

    @Test
    void aDuplicateOfAnEntryNotListedLeavesTheLearningUndecided() {
        assertThat(TriageDecisions.parse("1: duplicate K7", List.of(candidate("a", entry("e1"))))).isEmpty();
        assertThat(TriageDecisions.parse("no idea", List.of(candidate("a")))).isEmpty();
    }

    @Test
    void thePromptLabelsTheExistingEntriesAcrossLearnings() {
        String prompt = TriageDecisions.prompt("Fix it", List.of(candidate("a", entry("e1")), candidate("b", entry("e2"))));
        assertThat(prompt).contains("K1: title e1").contains("K2: title e2").contains("Learning 2");
    }

    private static TriageDecisions.Candidate candidate(String title, KbEntry... similar) {
        return new TriageDecisions.Candidate(new Learning("l-" + title, "r", "j", "m", "p", title, "content", List.of(),
                KbScope.PROJECT, Learning.TRIAGING, null, null, T, null), List.of(similar));
    }

    private static KbEntry entry(String id) {
        return new KbEntry(id, "title " + id, "content", List.of(), KbScope.PROJECT, "p", KbEntryStatus.APPROVED,
                null, null, null, T, T, 0, 0);
    }
}
