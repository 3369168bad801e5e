package dev.autodev.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The question lifecycle table, written out once more so a changed move is a deliberate decision. */
class QuestionStatusTest {

    @Test
    void aPendingQuestionIsSettledOnceAndNeverReopened() {
        assertThat(Arrays.stream(QuestionStatus.values())
                .flatMap(from -> from.next().stream().map(to -> from.wireName() + "->" + to.wireName())))
                .containsExactlyInAnyOrder("pending->answered", "pending->timed_out", "pending->cancelled");
        assertThat(Arrays.stream(QuestionStatus.values()).filter(QuestionStatus::isTerminal))
                .containsExactly(QuestionStatus.ANSWERED, QuestionStatus.TIMED_OUT, QuestionStatus.CANCELLED);
    }

    @Test
    void waitsAreDescribedInWords() {
        assertThat(QuestionService.human(QuestionService.DEFAULT_TIMEOUT)).isEqualTo("30 minutes");
        assertThat(QuestionService.human(java.time.Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(QuestionService.human(java.time.Duration.ofMillis(300))).isEqualTo("300 ms");
    }
}
