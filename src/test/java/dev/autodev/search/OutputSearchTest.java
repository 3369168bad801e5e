package dev.autodev.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.testsupport.MigratedDatabase;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The output index over a scripted set of events: what it finds, in what order, and what it refuses. */
class OutputSearchTest {

    private static final long T0 = Instant.parse("2026-11-20T10:00:00Z").toEpochMilli();

    private MigratedDatabase database;
    private OutputSearch search;

    @BeforeEach
    void twoJobsWithOutput() {
        database = MigratedDatabase.create();
        search = new OutputSearch(database.db(), new SearchProperties(null));
        database.job("job-a", "Fix the parser", "done", T0, null, null);
        database.job("job-b", "Write the docs", "done", T0, null, null);
        database.run("run-a", "job-a", "done", "claude", "claude-sonnet-4-6", T0, T0 + 1000, 0.1, false, 10, 5);
        database.run("run-b", "job-b", "done", "codex", "gpt-5.5", T0, T0 + 1000, 0.1, true, 10, 5);
        database.event("run-a", 1, "assistant_text", "The tokenizer breaks on tabs; tokenizer tests fail.", null, T0 + 1);
        database.event("run-a", 2, "tool_use", "Bash", "{\"command\":\"grep -rn tokenizer src\"}", T0 + 2);
        database.event("run-b", 1, "assistant_text",
                "A long note about many other things, the queue and the locks and the notes, naming the tokenizer once.",
                null, T0 + 3);
        database.event("run-b", 2, "error", "<script>alert(1)</script> tokenizer crashed", null, T0 + 4);
    }

    @Test
    void theDensestMatchRanksFirstWithAHighlightedSnippetAndItsJobTitle() {
        SearchResults results = search.search(query("tokenizer"));

        assertThat(results.hits()).hasSize(4);
        SearchHit best = results.hits().getFirst();
        assertThat(best.runId()).isEqualTo("run-a");
        assertThat(best.seq()).isEqualTo(1);
        assertThat(best.jobTitle()).isEqualTo("Fix the parser");
        assertThat(best.type()).isEqualTo("assistant_text");
        assertThat(best.createdAt()).isEqualTo(Instant.ofEpochMilli(T0 + 1));
        assertThat(best.snippet()).contains("<mark>tokenizer</mark>");
        assertThat(results.hits()).extracting(SearchHit::score).isSorted();
    }

    @Test
    void snippetsEscapeWhatTheAgentPrinted() {
        SearchHit error = search.search(new SearchQuery("crashed", null, null, null, null, null, 0, 20)).hits().getFirst();

        assertThat(error.snippet()).startsWith("&lt;script&gt;").contains("<mark>crashed</mark>").doesNotContain("<script>");
    }

    @Test
    void filtersNarrowByJobTypeAndTime() {
        assertThat(search.search(new SearchQuery("tokenizer", "job-b", null, null, null, null, 0, 20)).hits())
                .extracting(SearchHit::runId).containsOnly("run-b");
        assertThat(search.search(new SearchQuery("tokenizer", null, null, "tool_use", null, null, 0, 20)).hits())
                .extracting(SearchHit::seq).containsExactly(2L);
        assertThat(search.search(new SearchQuery("tokenizer", null, null, null,
                Instant.ofEpochMilli(T0 + 3), Instant.ofEpochMilli(T0 + 4), 0, 20)).hits())
                .extracting(SearchHit::runId, SearchHit::seq).containsExactly(tuple("run-b", 1L));
    }

    @Test
    void aProjectNarrowsToItsJobsOutput() {
        database.project("p-parser", "Parser", T0, "job-a");

        assertThat(search.search(new SearchQuery("tokenizer", null, "p-parser", null, null, null, 0, 20)).hits())
                .extracting(SearchHit::runId).containsOnly("run-a").hasSize(2);
        assertThat(search.search(new SearchQuery("tokenizer", null, "p-none", null, null, null, 0, 20)).hits()).isEmpty();
    }

    @Test
    void phrasesPrefixesAndBooleanOperatorsWork() {
        assertThat(search.search(query("\"breaks on tabs\"")).hits()).extracting(SearchHit::runId).containsExactly("run-a");
        assertThat(search.search(query("tokeni*")).hits()).hasSize(4);
        assertThat(search.search(query("tokenizer NOT queue")).hits()).extracting(SearchHit::runId, SearchHit::seq)
                .doesNotContain(tuple("run-b", 1L)).hasSize(3);
    }

    @Test
    void pagesFollowOneAnother() {
        SearchResults first = search.search(new SearchQuery("tokenizer", null, null, null, null, null, 0, 3));
        SearchResults second = search.search(new SearchQuery("tokenizer", null, null, null, null, null, 1, 3));

        assertThat(first.hits()).hasSize(3);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hits()).hasSize(1);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void aQueryMatchingMoreThanTheRankWindowIsRankedAmongItsNewestMatchesAndSaysSo() {
        OutputSearch narrow = new OutputSearch(database.db(), new SearchProperties(2));

        SearchResults capped = narrow.search(query("tokenizer"));
        assertThat(capped.capped()).isTrue();
        assertThat(capped.rankWindow()).isEqualTo(2);
        assertThat(capped.hits()).extracting(SearchHit::runId, SearchHit::seq)
                .containsExactlyInAnyOrder(tuple("run-b", 1L), tuple("run-b", 2L));
        assertThat(capped.hits()).extracting(SearchHit::score).isSorted();
        // A filter that leaves fewer matches than the window ranks them all.
        SearchResults filtered = narrow.search(new SearchQuery("tokenizer", "job-a", null, null, null, null, 0, 20));
        assertThat(filtered.capped()).isFalse();
        assertThat(filtered.hits()).extracting(SearchHit::seq).containsExactly(1L, 2L);
        assertThat(search.search(query("tokenizer")).capped()).isFalse();
    }

    @Test
    void aQueryFts5CannotParseIsABadRequestOnQ() {
        for (String bad : new String[] {"\"unbalanced", "nosuchcolumn:word", "AND", "tokenizer OR"}) {
            assertThatThrownBy(() -> search.search(query(bad))).as(bad)
                    .isInstanceOfSatisfying(BadRequest.class, e -> {
                        assertThat(e.field()).isEqualTo("q");
                        assertThat(e.getMessage()).contains("FTS5");
                    });
        }
        assertThatThrownBy(() -> search.search(query("  "))).isInstanceOf(BadRequest.class);
    }

    @Test
    void eventsStoredTwiceAreIndexedOnce() {
        database.event("run-a", 1, "assistant_text", "The tokenizer breaks on tabs; tokenizer tests fail.", null, T0 + 1);

        assertThat(search.search(query("tabs")).hits()).hasSize(1);
    }

    private static SearchQuery query(String text) {
        return new SearchQuery(text, null, null, null, null, null, 0, 20);
    }

    @Test
    void theMigrationIndexesOutputStoredBeforeIt() {
        MigratedDatabase old = MigratedDatabase.createAt("8");
        old.job("job-old", "An old job", "done", T0, null, null);
        old.run("run-old", "job-old", "done", "claude", "claude-sonnet-4-6", T0, T0 + 1, 0, false, 0, 0);
        old.event("run-old", 1, "assistant_text", "Stored before search existed: heliotrope.", null, T0);
        old.event("run-old", 2, "tool_use", "Bash", "{\"command\":\"ls heliotrope\"}", T0);

        old.migrate("latest");

        assertThat(new OutputSearch(old.db(), new SearchProperties(null)).search(query("heliotrope")).hits())
                .extracting(SearchHit::jobTitle, SearchHit::seq)
                .containsExactlyInAnyOrder(tuple("An old job", 1L), tuple("An old job", 2L));
    }
}
