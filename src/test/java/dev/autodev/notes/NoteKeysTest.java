package dev.autodev.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autodev.common.ApiException.BadRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteKeysTest {

    @Test
    void namespacedKeysAreAccepted() {
        assertThat(NoteKeys.key("key", "results/step1")).isEqualTo("results/step1");
        assertThat(NoteKeys.key("key", "a.b/c-d_e/100%")).isEqualTo("a.b/c-d_e/100%");
    }

    @Test
    void keysThatAUrlWouldMangleAreRefusedWithTheReason() {
        assertRefused("", "required");
        assertRefused("   ", "required");
        assertRefused(null, "required");
        assertRefused("/results/step1", "must not start with '/'");
        assertRefused("results/", "must not end with '/'");
        assertRefused("results//step1", "empty segment");
        assertRefused("results/../secrets", "'..'");
        assertRefused(" results", "whitespace");
        assertRefused("a\nb", "control characters");
        assertRefused("k".repeat(201), "at most 200 characters");
    }

    @Test
    void aPrefixMayBeEmptyOrEndWithASlash() {
        assertThat(NoteKeys.prefix("prefix", null)).isEmpty();
        assertThat(NoteKeys.prefix("prefix", "results/")).isEqualTo("results/");
        assertThatThrownBy(() -> NoteKeys.prefix("prefix", "/results")).isInstanceOf(BadRequest.class);
    }

    @Test
    void aWatchNeedsEitherKeysOrAPrefix() {
        assertThatThrownBy(() -> NoteWatch.of(List.of(), null, null))
                .hasMessageContaining("give keys to wait for, or a prefix");
        assertThatThrownBy(() -> NoteWatch.of(List.of("a"), "b/", null)).hasMessageContaining("not both");
        assertThatThrownBy(() -> NoteWatch.of(List.of("/a"), null, null))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.field()).isEqualTo("keys"));
    }

    @Test
    void aWatchIsConcernedOnlyWithItsOwnKeysOrPrefix() {
        assertThat(NoteWatch.of(List.of("a/b"), null, null).concerns("a/b")).isTrue();
        assertThat(NoteWatch.of(List.of("a/b"), null, null).concerns("a/bc")).isFalse();
        assertThat(NoteWatch.of(null, "a/", null).concerns("a/bc")).isTrue();
        assertThat(NoteWatch.of(null, "a/", null).concerns("ab")).isFalse();
    }

    @Test
    void aWriteThatLandsBetweenTheCheckAndTheWaitIsNotMissed() throws InterruptedException {
        NoteWatchers watchers = new NoteWatchers();
        NoteWatchers.Waiter waiter = watchers.register(NoteWatch.of(List.of("results/x"), null, null));

        watchers.on(new NoteWritten("results/other"));
        assertThat(waiter.awaitPoke(1_000_000)).as("a write to another key").isFalse();
        watchers.on(new NoteWritten("results/x"));

        assertThat(waiter.awaitPoke(0)).isTrue();
        watchers.unregister(waiter);
        assertThat(watchers.waiting()).isZero();
    }

    private static void assertRefused(String key, String reason) {
        assertThatThrownBy(() -> NoteKeys.key("key", key))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.field()).isEqualTo("key"))
                .hasMessageContaining(reason);
    }
}
