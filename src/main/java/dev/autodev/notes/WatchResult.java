package dev.autodev.notes;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a watch found. When {@code timedOut} is false the condition held and {@code notes} are the matching notes;
 * when it is true, {@code notes} holds what matched so far, {@code missing} the keys still absent (or without the
 * awaited value), and {@code message} says the caller may simply watch again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchResult(boolean timedOut, List<Note> notes, List<String> missing, String message) {

    static WatchResult done(List<Note> notes) {
        return new WatchResult(false, notes, List.of(), null);
    }
}
