package dev.autodev.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever people and agents type becomes quoted words, never FTS5 syntax. */
class FtsQueryTest {

    @Test
    void everyWordIsQuoted() {
        assertThat(FtsQuery.allWords("port \"8080\" AND NEAR(title: x*)")).isEqualTo("\"port\" \"8080\" \"AND\" \"NEAR\" \"title\" \"x\"");
        assertThat(FtsQuery.allWords("  ...  ")).isEmpty();
    }

    @Test
    void memoryQueriesKeepTheLongestDistinctiveWords() {
        assertThat(FtsQuery.anyWords("Fix the flaky integration test and the test runner", 3))
                .isEqualTo("\"integration\" \"runner\" \"flaky\"".replace("\" \"", "\" OR \""));
    }
}
