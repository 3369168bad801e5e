package dev.autodev.questions;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the asking agent gets back: {@code {"answered":true,"answer":"..."}} or
 * {@code {"answered":false,"reason":"..."}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AskOutcome(boolean answered, String answer, String reason) {

    static AskOutcome answer(String answer) {
        return new AskOutcome(true, answer, null);
    }

    static AskOutcome none(String reason) {
        return new AskOutcome(false, null, reason);
    }
}
