package dev.autodev.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {

    @Test
    void shortFirstLineIsTheTitle() {
        assertThat(Titles.fromDescription("  Fix the login bug\nDetails follow")).isEqualTo("Fix the login bug");
    }

    @Test
    void longLineIsCutAtAWordWithAnEllipsis() {
        String title = Titles.fromDescription("Make the exporter stream rows instead of building the whole file in memory first");
        assertThat(title).isEqualTo("Make the exporter stream rows instead of building the whole…");
        assertThat(title.length()).isLessThanOrEqualTo(Titles.MAX_LENGTH);
    }

    @Test
    void oneEndlessWordIsCutHard() {
        assertThat(Titles.fromDescription("x".repeat(100))).hasSize(Titles.MAX_LENGTH);
    }

    @Test
    void whitespaceIsCollapsed() {
        assertThat(Titles.fromDescription("a\t\tb   c")).isEqualTo("a b c");
    }
}
