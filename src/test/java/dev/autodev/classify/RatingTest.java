package dev.autodev.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small models answer loosely: the first of simple, medium, complex that the answer names counts. */
class RatingTest {

    @Test
    void theFirstRatingNamedCounts() {
        assertThat(Rating.read("Medium - touches three files").orElseThrow())
                .isEqualTo(new Rating.Read("medium", "touches three files"));
        assertThat(Rating.read("I'd say **COMPLEX**: not simple at all").orElseThrow().rating()).isEqualTo("complex");
        assertThat(Rating.read("simple.").orElseThrow().rating()).isEqualTo("simple");
    }

    @Test
    void anAnswerWithoutARatingIsNoRating() {
        assertThat(Rating.read("It depends.")).isEmpty();
        assertThat(Rating.read("simplest")).isEmpty();
        assertThat(Rating.read(null)).isEmpty();
    }
}
