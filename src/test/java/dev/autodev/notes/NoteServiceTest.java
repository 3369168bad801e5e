package dev.autodev.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.autodev.testsupport.AgentIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scratchpad against the real database: writes, reads, and watches that wake on the write itself. */
class NoteServiceTest extends AgentIntegrationTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @Autowired
    NoteService notes;
    @Autowired
    NoteWatchers watchers;

    private final String ns = "test-" + UUID.randomUUID() + "/";

    @Test
    void notesAreWrittenReadAndListedByPrefix() {
        notes.write(null, ns + "results/b", "second");
        notes.write(null, ns + "results/a", "draft");
        notes.write(null, ns + "results/a", "final");
        notes.write(null, ns + "status", "working");

        assertThat(notes.read(ns + "results/a")).get().extracting(Note::value).isEqualTo("final");
        assertThat(notes.read(ns + "results/a").orElseThrow().writtenByRunId()).isNull();
        assertThat(notes.read(ns + "nothing-here")).isEmpty();
        assertThat(notes.list(ns + "results/")).extracting(Note::key).containsExactly(ns + "results/a", ns + "results/b");
        assertThat(notes.list(ns)).hasSize(3);
    }

    @Test
    void watchReturnsAtOnceWhenTheNotesAreAlreadyThere() throws InterruptedException {
        notes.write(null, ns + "a", "1");
        notes.write(null, ns + "b", "2");

        WatchResult result = notes.watch(List.of(ns + "a", ns + "b"), null, null, LONG);

        // Had it waited, it would have waited out LONG and timed out; how fast it returns is the bench's business.
        assertThat(result.timedOut()).isFalse();
        assertThat(result.notes()).extracting(Note::value).containsExactly("1", "2");
    }

    @Test
    void watchWakesAsSoonAsAnotherThreadWritesTheLastMissingKey() throws Exception {
        notes.write(null, ns + "a", "1");
        CompletableFuture<WatchResult> watching = watchInBackground(List.of(ns + "a", ns + "b"), null, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> watchers.waiting() > 0);
        assertThat(watching).isNotDone();

        notes.write(null, ns + "b", "2");
        WatchResult result = watching.get(30, TimeUnit.SECONDS);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.notes()).extracting(Note::key).containsExactly(ns + "a", ns + "b");
    }

    @Test
    void aPrefixWatchWakesOnTheFirstNoteUnderThePrefix() throws Exception {
        CompletableFuture<WatchResult> watching = watchInBackground(null, ns + "results/", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> watchers.waiting() > 0);

        notes.write(null, ns + "resultsX", "not under the prefix");
        notes.write(null, ns + "results/step1", "ok");
        WatchResult result = watching.get(5, TimeUnit.SECONDS);

        assertThat(result.notes()).extracting(Note::key).containsExactly(ns + "results/step1");
    }

    @Test
    void untilValueWaitsForExactlyThatValue() throws Exception {
        notes.write(null, ns + "status", "working");
        CompletableFuture<WatchResult> watching = watchInBackground(List.of(ns + "status"), null, "done");
        await().atMost(Duration.ofSeconds(5)).until(() -> watchers.waiting() > 0);

        notes.write(null, ns + "status", "almost done");
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !watching.isDone());
        notes.write(null, ns + "status", "done");

        assertThat(watching.get(5, TimeUnit.SECONDS).notes()).extracting(Note::value).containsExactly("done");
    }

    @Test
    void aWatchThatTimesOutSaysWhatIsMissingAndToCallAgain() throws InterruptedException {
        notes.write(null, ns + "a", "1");

        WatchResult result = notes.watch(List.of(ns + "a", ns + "b"), null, null, Duration.ofMillis(200));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.notes()).extracting(Note::key).containsExactly(ns + "a");
        assertThat(result.missing()).containsExactly(ns + "b");
        assertThat(result.message()).contains("waited 200 ms", ns + "b", "call watch_notes again");
        assertThat(notes.watch(null, ns + "empty/", "x", Duration.ZERO).missing())
                .containsExactly("any note under '" + ns + "empty/'");
    }

    private CompletableFuture<WatchResult> watchInBackground(List<String> keys, String prefix, String untilValue) {
        // A thread each: the common pool may have a single thread on a small machine.
        return CompletableFuture.supplyAsync(() -> {
            try {
                return notes.watch(keys, prefix, untilValue, LONG);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Thread::startVirtualThread);
    }
}
