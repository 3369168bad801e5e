package dev.autodev.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ## Memory section stays within its size, best entries first. */
class MemorySectionTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void entriesThatDoNotFitAreLeftOutAndTheSectionStaysWithinItsSize() {
        MemorySection memory = withLimit(400);
        String section = memory.render(List.of(entry("First", "a".repeat(100), KbScope.PROJECT),
                entry("Second", "b".repeat(300), KbScope.GLOBAL), entry("Third", "c".repeat(50), KbScope.GLOBAL)));

        assertThat(section).startsWith("## Memory\n").contains("### First\n").doesNotContain("### Second")
                .contains("### Third (general)");
        assertThat(section.length()).isLessThanOrEqualTo(400);
    }

    @Test
    void aFirstEntryTooLongForTheWholeSectionIsCut() {
        String section = withLimit(300).render(List.of(entry("Long", "x".repeat(1000), KbScope.PROJECT)));

        assertThat(section).contains("### Long").endsWith("…");
        assertThat(section.length()).isLessThanOrEqualTo(300);
    }

    @Test
    void noEntriesOrAZeroLimitMeanNoSection() {
        assertThat(withLimit(4000).render(List.of())).isEmpty();
    }

    private static MemorySection withLimit(int chars) {
        return new MemorySection(null, null, null, new KbProperties(chars, 8, false, true, null, null), null);
    }

    private static KbEntry entry(String title, String content, KbScope scope) {
        return new KbEntry(title, title, content, List.of(), scope, scope == KbScope.PROJECT ? "/p" : null,
                KbEntryStatus.APPROVED, null, null, null, T, T, 0, 0);
    }
}
