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
    void memoryQueriesLookUpDistinctWordsWithoutCommonOnes() {
        assertThat(FtsQuery.distinctiveWords("Fix the flaky Test and the test runner, please", 10))
                .containsExactly("fix", "flaky", "test", "runner");
        assertThat(FtsQuery.anyOf(java.util.List.of("flaky", "runner"))).isEqualTo("\"flaky\" OR \"runner\"");
    }
}
