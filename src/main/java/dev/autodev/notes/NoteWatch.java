package dev.autodev.notes;

import dev.autodev.common.ApiException.BadRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one watch waits for: every one of {@code keys}, or any note under {@code prefix}; with {@code untilValue},
 * only notes holding exactly that value count.
 */
record NoteWatch(List<String> keys, String prefix, String untilValue) {

    static final int MAX_KEYS = 100;
    /** Enough to tell the caller what is there; a prefix watch is satisfied by any one note. */
    private static final int PREFIX_LIMIT = 100;

    static NoteWatch of(List<String> keys, String prefix, String untilValue) {
        List<String> wanted = keys == null ? List.of() : List.copyOf(new LinkedHashSet<>(keys));
        boolean hasPrefix = prefix != null && !prefix.isEmpty();
        if (wanted.isEmpty() && !hasPrefix) throw new BadRequest("keys", "give keys to wait for, or a prefix");
        if (!wanted.isEmpty() && hasPrefix) throw new BadRequest("prefix", "give either keys or a prefix, not both");
        if (wanted.size() > MAX_KEYS) throw new BadRequest("keys", "at most " + MAX_KEYS + " keys, was " + wanted.size());
        wanted.forEach(k -> NoteKeys.key("keys", k));
        return new NoteWatch(wanted, hasPrefix ? NoteKeys.prefix("prefix", prefix) : null, untilValue);
    }

    /** Whether a write to {@code key} could change the outcome, so its watcher should look again. */
    boolean concerns(String key) {
        return prefix != null ? key.startsWith(prefix) : keys.contains(key);
    }

    /** The current state: finished if the condition holds, otherwise what is still missing. */
    Progress check(NoteRepository notes) {
        if (prefix != null) {
            List<Note> found = notes.underPrefix(prefix, untilValue, PREFIX_LIMIT);
            return new Progress(found, found.isEmpty() ? List.of(describePrefix()) : List.of());
        }
        Map<String, Note> byKey = notes.findAll(keys).stream()
                .filter(n -> untilValue == null || untilValue.equals(n.value()))
                .collect(Collectors.toMap(Note::key, Function.identity()));
        List<Note> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (byKey.containsKey(key)) found.add(byKey.get(key));
            else missing.add(key);
        }
        return new Progress(found, missing);
    }

    private String describePrefix() {
        return "any note under '" + prefix + "'";
    }

    /** What a timed-out watch still waits for, in words for the model. */
    String describeMissing(Progress progress) {
        String what = String.join(", ", progress.missing());
        return untilValue == null ? what : what + " with value '" + untilValue + "'";
    }

    record Progress(List<Note> found, List<String> missing) {
        boolean complete() {
            return missing.isEmpty();
        }
    }
}
