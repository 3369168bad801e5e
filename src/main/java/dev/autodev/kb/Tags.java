package dev.autodev.kb;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Tags are stored lower-case, space separated, so FTS5 indexes them and a filter is a LIKE on {@code ' tag '}. */
final class Tags {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_CHARS = 40;

    private Tags() {}

    /** Lower case, inner spaces as dashes, blanks dropped, duplicates once; null means none. */
    static List<String> normalize(List<String> tags) {
        if (tags == null) return List.of();
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) continue;
            String t = tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!t.isEmpty()) clean.add(t.length() > MAX_TAG_CHARS ? t.substring(0, MAX_TAG_CHARS) : t);
        }
        return List.copyOf(clean);
    }

    static String stored(List<String> tags) {
        return String.join(" ", normalize(tags));
    }

    static List<String> fromStored(String stored) {
        if (stored == null || stored.isBlank()) return List.of();
        return Arrays.stream(stored.split(" ")).filter(s -> !s.isEmpty()).toList();
    }
}
